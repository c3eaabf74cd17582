using PreferenceFunctions.Rapidata.Results.Parsing;

namespace PreferenceFunctions.Rapidata.Results;

/// <summary>
/// One <c>results[]</c> entry's aggregates without its votes, as <see cref="CompareResultsDocument.ForEachEntryAggregatesAsync"/>
/// hands them over. One instance is refilled for every entry (no maps, no URL strings, no entry record), so it is
/// valid only during the callback: copy what you keep. The same rules as <see cref="CompareResultEntry"/>.
/// </summary>
public sealed class CompareEntryAggregates
{
    internal readonly List<KeyValuePair<string, string?>> AssetUrls = [];
    internal readonly List<KeyValuePair<string, int>> Votes = [];
    internal readonly List<KeyValuePair<string, double>> Ratios = [];
    internal readonly List<KeyValuePair<string, double>> Scores = [];
    internal readonly List<KeyValuePair<string, double>> ScoreRatios = [];
    internal readonly List<KeyValuePair<string, string?>> PrivateMetadata = [];
    private readonly List<string> _options = [];

    internal CompareEntryAggregates()
    {
    }

    /// <summary>The entry's position in <c>results</c> (for messages: <c>results[i]</c>).</summary>
    public int Index { get; internal set; }

    public string? Context { get; internal set; }

    /// <summary>As <see cref="CompareResultEntry.Winner"/>.</summary>
    public string? Winner { get; internal set; }

    /// <summary>As <see cref="CompareResultEntry.WeightedWinner"/>.</summary>
    public string? WeightedWinner { get; internal set; }

    internal int? WinnerIndex { get; set; }
    internal int? LegacyWinnerIndex { get; set; }
    internal int? WeightedWinnerIndex { get; set; }
    internal bool HasWeightedWinner { get; set; }

    /// <summary>As <see cref="CompareResultEntry.AssetOptions"/>: the keys of <c>assetUrls</c>, else of
    /// <c>aggregatedResults</c> without Both/Neither.</summary>
    public IReadOnlyList<string> AssetOptions => _options;

    /// <summary>Whether the entry has a <c>summedUserScores</c> map with at least one option.</summary>
    public bool HasSummedUserScores => Scores.Count > 0;

    /// <summary>Raw votes for an option, 0 when it got none.</summary>
    public int VotesFor(string option) => Find(Votes, option, 0);

    /// <summary>The summed user score of an option, 0 when it has none.</summary>
    public double SummedUserScoreFor(string option) => Find(Scores, option, 0.0);

    /// <summary>A <c>privateMetadata</c> value; null when the entry has no such key.</summary>
    public string? MetadataValue(string key) => Find(PrivateMetadata, key, (string?)null);

    /// <summary>Empties every field for the next entry.</summary>
    internal void Reset(int index)
    {
        Index = index;
        Context = Winner = WeightedWinner = null;
        WinnerIndex = LegacyWinnerIndex = WeightedWinnerIndex = null;
        HasWeightedWinner = false;
        AssetUrls.Clear();
        Votes.Clear();
        Ratios.Clear();
        Scores.Clear();
        ScoreRatios.Clear();
        PrivateMetadata.Clear();
        _options.Clear();
    }

    /// <summary>The entry as a record (maps copied out), for callers that keep entries.</summary>
    internal CompareResultEntry ToEntry(IReadOnlyList<CompareVote> details) => new()
    {
        Context = Context,
        Winner = Winner,
        WinnerIndex = WinnerIndex ?? LegacyWinnerIndex,
        WeightedWinner = WeightedWinner,
        WeightedWinnerIndex = WeightedWinnerIndex,
        HasWeightedWinner = HasWeightedWinner,
        AssetUrls = StringMap(AssetUrls),
        AggregatedResults = OrderedMap<int>.From(Votes),
        AggregatedResultsRatios = OrderedMap<double>.From(Ratios),
        SummedUserScores = OrderedMap<double>.From(Scores),
        SummedUserScoresRatios = OrderedMap<double>.From(ScoreRatios),
        PrivateMetadata = StringMap(PrivateMetadata),
        DetailedResults = details,
    };

    // Null values were left out while reading; the values were kept whenever a record is built.
    private static OrderedMap<string> StringMap(List<KeyValuePair<string, string?>> map) =>
        map.Count == 0 ? OrderedMap<string>.Empty : OrderedMap<string>.From(map.ConvertAll(item => new KeyValuePair<string, string>(item.Key, item.Value!)));

    /// <summary>Fills <see cref="AssetOptions"/> once the entry's maps are read.</summary>
    internal void CompleteOptions()
    {
        if (AssetUrls.Count > 0) AddOptions(AssetUrls);
        else AddOptions(Votes);
    }

    private void AddOptions<TValue>(List<KeyValuePair<string, TValue>> map)
    {
        foreach (var (key, _) in map)
        {
            // A key repeated in the document counts once, as in the map a full parse builds.
            if (key is not CompareResultEntry.Both and not CompareResultEntry.Neither && !_options.Contains(key)) _options.Add(key);
        }
    }

    // The last value of a repeated key wins, as in the maps of a full parse; maps hold a handful of keys.
    private static TValue Find<TValue>(List<KeyValuePair<string, TValue>> map, string key, TValue missing)
    {
        for (var i = map.Count - 1; i >= 0; i--)
        {
            if (string.Equals(map[i].Key, key, StringComparison.Ordinal)) return map[i].Value;
        }
        return missing;
    }
}
