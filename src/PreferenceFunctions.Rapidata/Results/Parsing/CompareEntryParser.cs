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

    /// <summary>
    /// Parses the entry whose <c>{</c> starts <paramref name="json"/> into <paramref name="into"/> (emptied first); <paramref name="length"/>
    /// is its size in bytes. The votes are returned when the options include them (else skipped, and empty).
    /// With <paramref name="keepAssetUrls"/> off the URLs are checked but not turned into strings (only their keys are needed).
    /// </summary>
    public IReadOnlyList<CompareVote> Parse(ReadOnlySpan<byte> json, bool isFinalBlock, int index, CompareEntryAggregates into,
        bool keepAssetUrls, out int length)
    {
        into.Reset(index);
        var reader = new Utf8JsonReader(json, isFinalBlock, default);
        var readerStart = 0; // where in json the current reader starts: a new one takes over after skipped votes
        Read(ref reader);
        Expect(ref reader, JsonTokenType.StartObject, "entry");
        pool.StartEntry();
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
                case Field.Context: into.Context = NullableString(ref reader, "context"); break;
                case Field.Winner: into.Winner = NullableString(ref reader, "winner", pool); break;
                case Field.WinnerIndex: into.WinnerIndex = NullableInt(ref reader, "winnerIndex"); break;
                case Field.LegacyWinnerIndex: into.LegacyWinnerIndex = NullableInt(ref reader, "winner_index"); break;
                case Field.WeightedWinner:
                    into.WeightedWinner = NullableString(ref reader, "weightedWinner", pool);
                    into.HasWeightedWinner = true;
                    break;
                case Field.WeightedWinnerIndex:
                    into.WeightedWinnerIndex = NullableInt(ref reader, "weightedWinnerIndex");
                    into.HasWeightedWinner = true;
                    break;
                // A map given twice replaces the first, as with the record's properties.
                case Field.AssetUrls:
                    into.AssetUrls.Clear();
                    _maps.Strings(ref reader, "assetUrls", keepAssetUrls, into.AssetUrls);
                    break;
                case Field.AggregatedResults:
                    into.Votes.Clear();
                    _maps.Ints(ref reader, "aggregatedResults", into.Votes);
                    break;
                case Field.AggregatedResultsRatios:
                    into.Ratios.Clear();
                    _maps.Doubles(ref reader, "aggregatedResultsRatios", into.Ratios);
                    break;
                case Field.SummedUserScores:
                    into.Scores.Clear();
                    _maps.Doubles(ref reader, "summedUserScores", into.Scores);
                    break;
                case Field.SummedUserScoresRatios:
                    into.ScoreRatios.Clear();
                    _maps.Doubles(ref reader, "summedUserScoresRatios", into.ScoreRatios);
                    break;
                case Field.PrivateMetadata:
                    into.PrivateMetadata.Clear();
                    _maps.Strings(ref reader, "privateMetadata", keepValues: true, into.PrivateMetadata);
                    break;
                default: Skip(ref reader); break;
            }
        }

        length = readerStart + (int)reader.BytesConsumed;
        into.CompleteOptions();
        return details;
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
