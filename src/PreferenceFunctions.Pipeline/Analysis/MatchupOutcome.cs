namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// What the crowd said about one matchup, independent of where the results came from: votes for each image and,
/// kept apart, for Both/Neither. Winner/WeightedWinner are the option identifiers the results document reported
/// (null on a tie).
/// </summary>
public sealed record MatchupOutcome
{
    public required Matchup Matchup { get; init; }
    public required int Votes1 { get; init; }
    public required int Votes2 { get; init; }
    public required double WeightedVotes1 { get; init; }
    public required double WeightedVotes2 { get; init; }
    public required int BothVotes { get; init; }
    public required int NeitherVotes { get; init; }
    public string? Winner { get; init; }
    public string? WeightedWinner { get; init; }

    /// <summary>The individual responses, when the source had them (exported as Hugging Face detailed_results).</summary>
    public IReadOnlyList<VoteDetail> Details { get; init; } = [];
}
