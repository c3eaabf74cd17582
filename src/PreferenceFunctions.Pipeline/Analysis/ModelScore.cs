namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// One model's standing: a ModelScores row and a models.csv line. Score is the Bradley–Terry strength on an
/// Elo-like scale (400 points = 10x the odds of winning a vote), ScoreLow/ScoreHigh its 95% bootstrap interval,
/// Rank = 1 + the number of models in the same component whose ScoreLow is above this model's ScoreHigh.
/// </summary>
public sealed record ModelScore(
    string Model,
    int Votes,
    int PairsWon,
    double WinRate,
    double Score,
    double ScoreLow,
    double ScoreHigh,
    int Rank,
    int Pairs,
    int PairsTied,
    double WeightedVotes,
    int Component);
