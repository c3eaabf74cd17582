namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>The outcome of a start request: the run's id, and whether this request started it.</summary>
public sealed record RunStart(string RunId, bool Started);
