namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// The analysis of one results document. Matchups are sorted by ratio (most one-sided first, as in the seed post);
/// models by component, then rank, then score. Components &gt; 1 means the models were ranked per component.
/// </summary>
public sealed record PreferenceAnalysis(
    IReadOnlyList<MatchupResult> Matchups,
    IReadOnlyList<ModelScore> Models,
    int Components,
    IReadOnlyList<string> Warnings,
    AnalysisOptions Options)
{
    /// <summary>Win rates by voter country and age group, when the individual votes were read; null otherwise.</summary>
    public VoteBreakdown? Breakdown { get; init; }

    /// <summary>
    /// The correlation of two votes on the same matchup beyond the models' strengths (their images'), estimated from
    /// the data (<see cref="MatchupVoteCorrelation"/>); the fit counts each matchup's votes as that many fewer.
    /// </summary>
    public double VoteCorrelation { get; init; }
}
