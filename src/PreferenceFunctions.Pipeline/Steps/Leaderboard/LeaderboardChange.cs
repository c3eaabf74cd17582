namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>A leaderboard changed because <see cref="RunId"/> was added or removed; <see cref="Board"/> is how it stands now.</summary>
public sealed record LeaderboardChange(string Name, string RunId, LeaderboardChangeKind Kind, LeaderboardView? Board);
