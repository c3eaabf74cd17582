namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>How <see cref="PreferenceAnalyzer"/> scores models.</summary>
/// <param name="UseWeightedVotes">Count votes weighted by the labelers' user scores (summedUserScores) instead of raw votes.</param>
/// <param name="BootstrapRounds">Resamples over matchups for the score intervals; 0 turns intervals off.</param>
/// <param name="Seed">Seed of the bootstrap, so the same input always gives the same intervals.</param>
/// <param name="ReferenceModel">Model pinned at 1000 points in its component; null anchors each component's mean at 1000.</param>
/// <param name="Tolerance">The Bradley–Terry fit stops when no log-strength changes by more than this.</param>
/// <param name="MaxIterations">Upper bound on MM iterations per fit; hitting it adds a warning.</param>
public sealed record AnalysisOptions(
    bool UseWeightedVotes = false,
    int BootstrapRounds = 200,
    int Seed = 20240901,
    string? ReferenceModel = null,
    double Tolerance = 1e-10,
    int MaxIterations = 100_000)
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Points per factor of 10 in strength, as on the Elo scale.</summary>
    public const double PointsPerDecade = 400;

    /// <summary>Where the scale is anchored (the component mean, or the reference model).</summary>
    public const double Anchor = 1000;
}
