namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>A run counted in a leaderboard: when it was added and how many votes and matchups it brought.</summary>
public sealed record LeaderboardRun(string RunId, DateTimeOffset AddedAt, long Votes, long Matchups);
