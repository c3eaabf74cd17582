namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>What changed a leaderboard.</summary>
public enum LeaderboardChangeKind
{
    RunAdded,
    RunRemoved,
}
