using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Walks a results document over a growing byte buffer filled from the stream. The top level is a small state
/// machine; each "unit" (<c>info</c>, <c>summary</c>, one <c>results[]</c> entry, an unknown value) is parsed in
/// one go from the buffer, and when a unit is cut off by the buffer's end the reader rewinds to the unit's start,
/// reads more and parses it again. So the document is read once and never held whole.
/// </summary>
/// <param name="onEntry">Called with each entry as soon as it is parsed (the aggregates object is reused for the next
/// entry) and its votes (empty unless the options include them).</param>
/// <param name="keepAssetUrls">Off when the callback needs only the options, not their URLs.</param>
internal sealed class CompareResultsStreamReader(Stream stream, CompareResultsParseOptions options,
    Action<CompareEntryAggregates, IReadOnlyList<CompareVote>> onEntry, bool keepAssetUrls = true)
{
    private enum Phase { Start, Root, RootValue, Results, Stopped, End }

    private enum RootProperty { Other, Info, Results, Summary }

    // What a reader has seen after an entry of the results array: each entry is read by its own reader (its votes
    // may be skipped without a reader), then the array's reader resumes after it in this state.
    private static readonly JsonReaderState AfterEntryInResults = JsonTokens.StateAfter("{\"results\":[{}"u8);

    // A reader started at an entry in the middle of the array (a second thread's part) and one resumed after the array.
    private static readonly JsonReaderState InsideResults = JsonTokens.StateAfter("{\"results\":["u8);
    private static readonly JsonReaderState AfterResults = JsonTokens.StateAfter("{\"results\":[]"u8);

    private readonly CompareEntryParser _entries = new(options, new StringPool());
    private readonly CompareEntryAggregates _entry = new();
    private byte[] _buffer = new byte[Math.Max(options.BufferSize, 4096)];
    private int _start, _end;
    private int _readerStart; // where in the buffered bytes the current reader starts
    private long _consumedBefore;
    private readonly long _origin = stream.CanSeek ? stream.Position : 0; // stream position of the first byte read
    private bool _endAfterResults;
    private bool _final;
    private JsonReaderState _state;
    private Phase _phase;
    private RootProperty _pending;
    private int _entryIndex;

    public CompareResultsInfo Info { get; private set; } = CompareResultsInfo.Empty;

    public CompareResultsSummary Summary { get; private set; } = CompareResultsSummary.Empty;

    /// <summary>
    /// Set when the whole document arrived as one JSON string (how <c>GET /order/{id}/results</c> and the preliminary
    /// download are typed); the caller parses this text as the document.
    /// </summary>
    public string? WrappedDocument { get; private set; }

    /// <summary>Entries read so far (the next entry's index in <c>results</c>).</summary>
    public int EntriesRead => _entryIndex;

    /// <summary>
    /// The reader stops (<see cref="ReadAsync"/> returns false, <see cref="IsStopped"/>) before a <c>results[]</c> entry
    /// that starts at or after this stream position: where a second thread started reading entries.
    /// </summary>
    public long StopAt { get; set; } = long.MaxValue;

    public bool IsStopped => _phase == Phase.Stopped;

    /// <summary>The stream position of the <c>{</c> of the entry the reader stopped before.</summary>
    public long StoppedAt { get; private set; } = -1;

    /// <summary>The stream position just after the <c>]</c> that closed the results array; -1 before.</summary>
    public long ResultsEnd { get; private set; } = -1;

    /// <summary>
    /// For a stream positioned at the <c>{</c> of an entry in the middle of the results array: read entries from
    /// there (indexes counted from 0) and end with the array, setting <see cref="ResultsEnd"/>.
    /// </summary>
    public void StartInsideResults()
    {
        _phase = Phase.Results;
        _state = InsideResults;
        _endAfterResults = true;
    }

    /// <summary>After a stop: read on from the entry the reader stopped before.</summary>
    public void ContinuePastStop()
    {
        StopAt = long.MaxValue;
        _phase = Phase.Results;
    }

    /// <summary>
    /// After a stop: the <paramref name="entries"/> entries from there to the end of the results array were read
    /// elsewhere; go on with the rest of the document from <paramref name="resultsEnd"/> (just after the array's <c>]</c>).
    /// </summary>
    public void ResumeAfterResults(long resultsEnd, int entries)
    {
        stream.Position = resultsEnd;
        _consumedBefore = resultsEnd - _origin;
        _start = _end = _readerStart = 0;
        _final = false;
        _state = AfterResults;
        _phase = Phase.Root;
        _entryIndex += entries;
        StopAt = long.MaxValue;
    }

    /// <summary>Reads one more buffer's worth, handing complete entries to the callback; false once the document has ended.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (_phase is Phase.End or Phase.Stopped) return false;
        await FillAsync(cancellationToken).ConfigureAwait(false);
        var before = _start;
        Advance();
        if (_phase == Phase.Stopped) return false;
        if (_phase != Phase.End && _final && _start == before)
            throw new JsonException($"Results document ended early (after {_consumedBefore + _start} bytes, inside results[{_entryIndex}]).");
        return _phase != Phase.End;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_final) return;
        _consumedBefore += _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // one unit is bigger than the buffer
        while (_end < _buffer.Length)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _final = true;
                return;
            }
            _end += read;
        }
    }

    private void Advance()
    {
        var json = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(json, _final, _state);
        try
        {
            Step(ref reader, json);
        }
        catch (InvalidFieldException e)
        {
            // Callers see a plain JsonException; the internal type only carries the path while it bubbles up.
            var located = _phase == Phase.Results ? e.Within($"results[{_entryIndex}]") : e;
            throw new JsonException(located.Message);
        }
        catch (JsonException e) when (e is not InvalidFieldException)
        {
            throw new JsonException(
                $"Results document is not valid JSON near byte {_consumedBefore + _start + _readerStart + reader.BytesConsumed} " +
                $"(results[{_entryIndex}]): {e.Message}", e);
        }
        _start += _readerStart + (int)reader.BytesConsumed;
        _readerStart = 0;
        _state = reader.CurrentState;
    }

    private void Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        while (_phase is not (Phase.End or Phase.Stopped))
        {
            var checkpoint = reader;
            var checkpointStart = _readerStart;
            if (!reader.Read()) return;
            if (IsEntryAtStop(ref reader))
            {
                reader = checkpoint;
                _readerStart = checkpointStart;
                _phase = Phase.Stopped;
                return;
            }
            try
            {
                Consume(ref reader, json);
            }
            catch (NeedMoreDataException) when (!_final)
            {
                reader = checkpoint;
                _readerStart = checkpointStart;
                return;
            }
        }
    }

    private bool IsEntryAtStop(ref Utf8JsonReader reader)
    {
        if (_phase != Phase.Results || reader.TokenType != JsonTokenType.StartObject) return false;
        var position = _origin + _consumedBefore + _start + _readerStart + reader.TokenStartIndex;
        if (position < StopAt) return false;
        StoppedAt = position;
        return true;
    }

    /// <summary>Handles the token just read, parsing a whole unit when one starts here.</summary>
    private void Consume(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (_phase)
        {
            case Phase.Start when reader.TokenType == JsonTokenType.String:
                WrappedDocument = reader.GetString();
                _phase = Phase.End;
                break;
            case Phase.Start:
                JsonTokens.Expect(ref reader, JsonTokenType.StartObject, "the document");
                _phase = Phase.Root;
                break;
            case Phase.Root when reader.TokenType == JsonTokenType.EndObject:
                _phase = Phase.End;
                break;
            case Phase.Root:
                _pending = reader.ValueTextEquals("info"u8) ? RootProperty.Info
                    : reader.ValueTextEquals("results"u8) ? RootProperty.Results
                    : reader.ValueTextEquals("summary"u8) ? RootProperty.Summary
                    : RootProperty.Other;
                _phase = Phase.RootValue;
                break;
            case Phase.RootValue:
                ConsumeRootValue(ref reader);
                break;
            case Phase.Results when reader.TokenType == JsonTokenType.EndArray:
                ResultsEnd = _origin + _consumedBefore + _start + _readerStart + reader.BytesConsumed;
                _phase = _endAfterResults ? Phase.End : Phase.Root;
                break;
            case Phase.Results:
                JsonTokens.Expect(ref reader, JsonTokenType.StartObject, "entry");
                var entryStart = _readerStart + (int)reader.TokenStartIndex;
                var votes = _entries.Parse(json[entryStart..], _final, _entryIndex, _entry, keepAssetUrls, out var length);
                onEntry(_entry, votes);
                _entryIndex++;
                _readerStart = entryStart + length;
                reader = new Utf8JsonReader(json[_readerStart..], _final, AfterEntryInResults);
                break;
        }
    }

    /// <summary>Parses the value of a top-level property; the phase moves on only once the value is complete.</summary>
    private void ConsumeRootValue(ref Utf8JsonReader reader)
    {
        switch (_pending)
        {
            case RootProperty.Info: Info = HeaderParser.ParseInfo(ref reader); break;
            case RootProperty.Summary: Summary = HeaderParser.ParseSummary(ref reader); break;
            case RootProperty.Results when reader.TokenType == JsonTokenType.StartArray:
                _phase = Phase.Results;
                return;
            case RootProperty.Results when reader.TokenType == JsonTokenType.Null: break;
            case RootProperty.Results:
                throw new InvalidFieldException("results",
                    $"must be an array of compare entries, found {reader.TokenType}; this is not a compare results document.");
            default: JsonTokens.Skip(ref reader); break;
        }
        _phase = Phase.Root;
    }
}
