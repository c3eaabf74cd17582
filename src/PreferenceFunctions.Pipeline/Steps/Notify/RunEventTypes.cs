namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>The CloudEvents <c>type</c> values a run announces.</summary>
internal static class RunEventTypes
{
    public const string RunStarted = "preference.run.started";
    public const string RunCompleted = "preference.run.completed";
    public const string RunFailed = "preference.run.failed";
    public const string DatasetRejected = "preference.dataset.rejected";

    /// <summary>A leaderboard changed (a run added or removed); sent by leaderboards, not by a run's own steps.</summary>
    public const string LeaderboardUpdated = "preference.leaderboard.updated";

    /// <summary>Every type, in the order a run can emit them.</summary>
    public static IReadOnlyList<string> All { get; } = [RunStarted, RunCompleted, RunFailed, DatasetRejected];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
