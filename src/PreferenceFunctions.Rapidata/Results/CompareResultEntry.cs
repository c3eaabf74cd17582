using System.Collections.ObjectModel;

namespace PreferenceFunctions.Rapidata.Results;

/// <summary>
/// One pair of a results document. Maps are keyed by option identifier (the asset name, or <c>Both</c>/<c>Neither</c>
/// when the unsure button was on) and enumerate in document order, which is option order.
/// </summary>
public sealed record CompareResultEntry
{
    public const string Both = "Both";
    public const string Neither = "Neither";

    public string? Context { get; init; }

    /// <summary>Option with the most raw votes; null on a tie or without votes.</summary>
    public string? Winner { get; init; }

    /// <summary><c>winnerIndex</c> (4.1+) or the older <c>winner_index</c>; 0 is the pair's first asset.</summary>
    public int? WinnerIndex { get; init; }

    /// <summary>Option with the highest summed user score; null on a tie or before aggregator 4.1.</summary>
    public string? WeightedWinner { get; init; }

    public int? WeightedWinnerIndex { get; init; }

    /// <summary>Whether the document carries the weighted winner fields at all (aggregator 4.1+).</summary>
    public bool HasWeightedWinner { get; init; }

    public IReadOnlyDictionary<string, string> AssetUrls { get; init; } = ReadOnlyDictionary<string, string>.Empty;
    public IReadOnlyDictionary<string, int> AggregatedResults { get; init; } = ReadOnlyDictionary<string, int>.Empty;
    public IReadOnlyDictionary<string, double> AggregatedResultsRatios { get; init; } = ReadOnlyDictionary<string, double>.Empty;
    public IReadOnlyDictionary<string, double> SummedUserScores { get; init; } = ReadOnlyDictionary<string, double>.Empty;
    public IReadOnlyDictionary<string, double> SummedUserScoresRatios { get; init; } = ReadOnlyDictionary<string, double>.Empty;
    public IReadOnlyDictionary<string, string> PrivateMetadata { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Every vote; empty when parsed with <see cref="CompareResultsParseOptions.IncludeDetailedResults"/> off.</summary>
    public IReadOnlyList<CompareVote> DetailedResults { get; init; } = [];

    /// <summary>
    /// The two compared assets in option order: the keys of <see cref="AssetUrls"/>, else of
    /// <see cref="AggregatedResults"/> without Both/Neither (the Python SDK's rule). Computed on each call, so a
    /// <c>with</c> copy never reports stale options.
    /// </summary>
    public IReadOnlyList<string> AssetOptions => (AssetUrls.Count > 0 ? AssetUrls.Keys : AggregatedResults.Keys)
        .Where(option => option is not Both and not Neither)
        .ToArray();

    /// <summary>Raw votes for an option, 0 when it got none.</summary>
    public int VotesFor(string option) => AggregatedResults.TryGetValue(option, out var votes) ? votes : 0;
}
