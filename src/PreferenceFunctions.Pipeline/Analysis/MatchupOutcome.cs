namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// What the crowd said about one matchup, independent of where the results came from. Image1/Image2 are the
/// dataset's image references (file names or relative paths); votes for Both/Neither are kept apart.
/// Winner/WeightedWinner are the option identifiers the results document reported (null on a tie).
/// </summary>
public sealed record MatchupOutcome(
    string MatchupId,
    string Prompt,
    string Image1,
    string Image2,
    string Model1,
    string Model2,
    int Votes1,
    int Votes2,
    double WeightedVotes1,
    double WeightedVotes2,
    int BothVotes,
    int NeitherVotes,
    string? Winner,
    string? WeightedWinner)
{
    /// <summary>The individual responses, when the source had them (exported as Hugging Face detailed_results).</summary>
    public IReadOnlyList<VoteDetail> Details { get; init; } = [];
}
