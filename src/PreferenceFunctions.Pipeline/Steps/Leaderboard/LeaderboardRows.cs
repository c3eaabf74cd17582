using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// Row keys of the <c>Leaderboards</c> table (PartitionKey: the leaderboard's name). A run's contribution
/// (<c>run|</c> marker, <c>runpair|</c> rows) is what was added; the pair totals (<c>pair|</c>), the fitted models
/// (<c>model|</c>) and the summary (<c>board</c>) are derived from the contributions whenever they change.
/// </summary>
internal static class LeaderboardRows
{
    public const string Board = "board";
    public const string RunPrefix = "run|";
    public const string RunPairPrefix = "runpair|";
    public const string PairPrefix = "pair|";
    public const string ModelPrefix = "model|";

    public static string Run(string runId) => RunPrefix + Key(runId);

    public static string RunPairs(string runId) => RunPairPrefix + Key(runId) + "|";

    public static string RunPair(string runId, string model1, string model2) => RunPairs(runId) + Key(model1) + "|" + Key(model2);

    public static string Pair(string model1, string model2) => PairPrefix + Key(model1) + "|" + Key(model2);

    public static string Model(string model) => ModelPrefix + Key(model);

    /// <summary>The OData filter for the rows of <paramref name="name"/> whose key starts with <paramref name="prefix"/>.</summary>
    public static string StartingWith(string name, string prefix) =>
        $"PartitionKey eq '{name}' and RowKey ge '{Quote(prefix)}' and RowKey lt '{Quote(prefix[..^1] + (char)(prefix[^1] + 1))}'";

    /// <summary>Escaped for a key, '|' too, so the separator stays unambiguous.</summary>
    private static string Key(string value) => TableKeys.Escape(value).Replace("|", "%7C", StringComparison.Ordinal);

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
