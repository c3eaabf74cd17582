using System.Text.Json;
using static PreferenceFunctions.Rapidata.Results.Parsing.JsonTokens;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Parses one <c>results[]</c> entry whose bytes are (hopefully) all buffered; throws
/// <see cref="NeedMoreDataException"/> when they are not. Accepts the 4.x and the 3.x field names.
/// </summary>
internal sealed class CompareEntryParser(CompareResultsParseOptions options, StringPool pool)
{
    // What a reader has seen after a property's array value inside an object: the state a reader resumes with after
    // the votes were skipped without it.
    private static readonly JsonReaderState AfterArrayInObject = JsonTokens.StateAfter("{\"detailedResults\":[]"u8);

    private readonly VoteParser _votes = new(pool);
    private readonly MapParser _maps = new(pool);

    /// <summary>Parses the entry whose <c>{</c> starts <paramref name="json"/>; <paramref name="length"/> is its size in bytes.</summary>
    public CompareResultEntry Parse(ReadOnlySpan<byte> json, bool isFinalBlock, out int length)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock, default);
        var readerStart = 0; // where in json the current reader starts: a new one takes over after skipped votes
        Read(ref reader);
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
                var skipped = !options.IncludeDetailedResults && SkipVoteArray(ref reader, json, ref readerStart, isFinalBlock);
                if (skipped) continue;
                Read(ref reader);
                if (options.IncludeDetailedResults) details = _votes.ParseList(ref reader, json[readerStart..], "detailedResults");
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

        length = readerStart + (int)reader.BytesConsumed;
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

    /// <summary>
    /// Jumps over the votes array after the <c>detailedResults</c> name the reader is on, without tokenising it
    /// (<see cref="JsonArraySkipper"/>), and replaces the reader with one that starts after the array. False, with the
    /// reader untouched, when the value is not an array fully in the buffer: the reader then reads it as usual.
    /// </summary>
    private static bool SkipVoteArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref int readerStart, bool isFinalBlock)
    {
        var afterColon = readerStart + (int)reader.BytesConsumed; // the reader consumes a property name's colon with it
        var value = json[afterColon..].IndexOfAnyExcept(" \t\r\n"u8);
        if (value < 0 || json[afterColon + value] != '[') return false;
        var end = JsonArraySkipper.FindEnd(json, afterColon + value, "detailedResults");
        if (end < 0)
        {
            if (!isFinalBlock) throw NeedMoreDataException.Instance;
            throw new InvalidFieldException("detailedResults", "is not valid JSON: the array is never closed.");
        }
        reader = new Utf8JsonReader(json[end..], isFinalBlock, AfterArrayInObject);
        readerStart = end;
        return true;
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
