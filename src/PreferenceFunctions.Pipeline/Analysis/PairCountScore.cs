namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// One model's standing from pair counts: the Bradley–Terry score on the Elo-like scale, its 95% bootstrap interval,
/// Rank = 1 + the number of models in the same component whose ScoreLow is above this model's ScoreHigh (as in
/// <see cref="ModelScore"/>), and the votes its images received and won.
/// </summary>
public sealed record PairCountScore(
    string Model, double Score, double ScoreLow, double ScoreHigh, int Rank, int Component, long Votes, long Wins);
