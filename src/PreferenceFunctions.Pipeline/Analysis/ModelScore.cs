namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// One model's standing: a ModelScores row and a models.csv line. Score is the Bradley–Terry strength on an
/// Elo-like scale (400 points = 10x the odds of winning a vote), ScoreLow/ScoreHigh its 95% bootstrap interval,
/// Rank = 1 + the number of models in the same component whose ScoreLow is above this model's ScoreHigh.
/// </summary>
public sealed record ModelScore
{
    public required string Model { get; init; }
    public required int Votes { get; init; }
    public required int PairsWon { get; init; }
    public required double WinRate { get; init; }
    public required double Score { get; init; }
    public required double ScoreLow { get; init; }
    public required double ScoreHigh { get; init; }
    public required int Rank { get; init; }
    public required int Pairs { get; init; }
    public required int PairsTied { get; init; }
    public required double WeightedVotes { get; init; }
    public required int Component { get; init; }
}
