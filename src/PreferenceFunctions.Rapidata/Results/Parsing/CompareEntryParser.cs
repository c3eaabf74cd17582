using System.Text.Json;
using static PreferenceFunctions.Rapidata.Results.Parsing.JsonTokens;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Parses one <c>results[]</c> entry whose bytes are (hopefully) all buffered; throws
/// <see cref="NeedMoreDataException"/> when they are not. Accepts the 4.x and the 3.x field names.
/// </summary>
internal sealed class CompareEntryParser(CompareResultsParseOptions options, StringPool pool)
{
    private readonly VoteParser _votes = new(pool);
    private readonly MapParser _maps = new(pool);

    /// <summary>Parses the entry starting at the current <c>StartObject</c> token of <paramref name="reader"/>,
    /// which reads <paramref name="json"/>.</summary>
    public CompareResultEntry Parse(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        Expect(ref reader, JsonTokenType.StartObject, "entry");
        pool.StartEntry();
        string? context = null, winner = null, weightedWinner = null;
        int? winnerIndex = null, legacyWinnerIndex = null, weightedWinnerIndex = null;
        var hasWeighted = false;
        IReadOnlyDictionary<string, string> assetUrls = OrderedMap<string>.Empty, privateMetadata = OrderedMap<string>.Empty;
        IReadOnlyDictionary<string, int> votes = OrderedMap<int>.Empty;
        IReadOnlyDictionary<string, double> ratios = OrderedMap<double>.Empty, scores = OrderedMap<double>.Empty,
            scoreRatios = OrderedMap<double>.Empty;
        IReadOnlyList<CompareVote> details = [];

        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            if (reader.ValueTextEquals("detailedResults"u8))
            {
                Read(ref reader);
                if (options.IncludeDetailedResults) details = _votes.ParseList(ref reader, json, "detailedResults");
                else Skip(ref reader);
                continue;
            }
            var field = FieldOf(ref reader);
            Read(ref reader);
            switch (field)
            {
                case Field.Context: context = NullableString(ref reader, "context"); break;
                case Field.Winner: winner = NullableString(ref reader, "winner", pool); break;
                case Field.WinnerIndex: winnerIndex = NullableInt(ref reader, "winnerIndex"); break;
                case Field.LegacyWinnerIndex: legacyWinnerIndex = NullableInt(ref reader, "winner_index"); break;
                case Field.WeightedWinner: weightedWinner = NullableString(ref reader, "weightedWinner", pool); hasWeighted = true; break;
                case Field.WeightedWinnerIndex: weightedWinnerIndex = NullableInt(ref reader, "weightedWinnerIndex"); hasWeighted = true; break;
                case Field.AssetUrls: assetUrls = _maps.Strings(ref reader, "assetUrls", poolValues: false); break;
                case Field.AggregatedResults: votes = _maps.Ints(ref reader, "aggregatedResults"); break;
                case Field.AggregatedResultsRatios: ratios = _maps.Doubles(ref reader, "aggregatedResultsRatios"); break;
                case Field.SummedUserScores: scores = _maps.Doubles(ref reader, "summedUserScores"); break;
                case Field.SummedUserScoresRatios: scoreRatios = _maps.Doubles(ref reader, "summedUserScoresRatios"); break;
                case Field.PrivateMetadata: privateMetadata = _maps.Strings(ref reader, "privateMetadata", poolValues: false); break;
                default: Skip(ref reader); break;
            }
        }

        return new CompareResultEntry
        {
            Context = context,
            Winner = winner,
            WinnerIndex = winnerIndex ?? legacyWinnerIndex,
            WeightedWinner = weightedWinner,
            WeightedWinnerIndex = weightedWinnerIndex,
            HasWeightedWinner = hasWeighted,
            AssetUrls = assetUrls,
            AggregatedResults = votes,
            AggregatedResultsRatios = ratios,
            SummedUserScores = scores,
            SummedUserScoresRatios = scoreRatios,
            PrivateMetadata = privateMetadata,
            DetailedResults = details,
        };
    }

    private enum Field
    {
        Unknown, Context, Winner, WinnerIndex, LegacyWinnerIndex, WeightedWinner, WeightedWinnerIndex, AssetUrls,
        AggregatedResults, AggregatedResultsRatios, SummedUserScores, SummedUserScoresRatios, PrivateMetadata,
    }

    private static Field FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("context"u8) ? Field.Context
        : reader.ValueTextEquals("winner"u8) ? Field.Winner
        : reader.ValueTextEquals("winnerIndex"u8) ? Field.WinnerIndex
        : reader.ValueTextEquals("winner_index"u8) ? Field.LegacyWinnerIndex
        : reader.ValueTextEquals("weightedWinner"u8) ? Field.WeightedWinner
        : reader.ValueTextEquals("weightedWinnerIndex"u8) ? Field.WeightedWinnerIndex
        : reader.ValueTextEquals("assetUrls"u8) ? Field.AssetUrls
        : reader.ValueTextEquals("aggregatedResults"u8) ? Field.AggregatedResults
        : reader.ValueTextEquals("aggregatedResultsRatios"u8) ? Field.AggregatedResultsRatios
        : reader.ValueTextEquals("summedUserScores"u8) ? Field.SummedUserScores
        : reader.ValueTextEquals("summedUserScoresRatios"u8) ? Field.SummedUserScoresRatios
        : reader.ValueTextEquals("privateMetadata"u8) ? Field.PrivateMetadata
        : Field.Unknown;
}
