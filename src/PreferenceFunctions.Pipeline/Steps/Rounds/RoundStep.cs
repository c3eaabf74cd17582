namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>Input of the activities that act on one follow-up round's order.</summary>
public sealed record RoundStep(string RunId, string RunsContainer, int Round, string? OrderId = null);
