namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>One line of the leaderboard list.</summary>
public sealed record LeaderboardSummary(string Name, int Models, int Runs, long Votes, DateTimeOffset Updated);
