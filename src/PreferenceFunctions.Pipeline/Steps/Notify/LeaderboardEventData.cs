namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// The <c>data</c> of a <c>preference.leaderboard.updated</c> CloudEvent: which leaderboard, what changed it (a run
/// added or removed) and how it stands now.
/// </summary>
/// <param name="Change"><c>runAdded</c> or <c>runRemoved</c>.</param>
/// <param name="Version">Counts the leaderboard's changes; with the name it is the event's id.</param>
/// <param name="Link">The leaderboard's URL, when a public base URL is configured.</param>
public sealed record LeaderboardEventData(
    string Leaderboard,
    string Change,
    string RunId,
    long Version,
    int Runs,
    long Votes,
    DateTimeOffset Updated,
    IReadOnlyList<LeaderboardEventModel> Models,
    string? Link = null);
