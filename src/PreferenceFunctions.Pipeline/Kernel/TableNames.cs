namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>The product's tables (docs/run-step-by-step.md, "Tables").</summary>
public static class TableNames
{
    public const string PreferenceRuns = "PreferenceRuns";
    public const string MatchupResults = "MatchupResults";
    public const string ModelScores = "ModelScores";

    /// <summary>Living leaderboards: the runs added to each, their pair counts and the fitted scores.</summary>
    public const string Leaderboards = "Leaderboards";

    /// <summary>Blob versions the local watcher has already started a run for.</summary>
    public const string DatasetTriggers = "DatasetTriggers";

    public static readonly IReadOnlyList<string> All = [PreferenceRuns, MatchupResults, ModelScores, DatasetTriggers, Leaderboards];
}
