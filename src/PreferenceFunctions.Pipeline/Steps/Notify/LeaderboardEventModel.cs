namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>One model of a leaderboard event, in rank order: its score and 95% interval.</summary>
public sealed record LeaderboardEventModel(string Model, int Rank, double Score, double ScoreLow, double ScoreHigh);
