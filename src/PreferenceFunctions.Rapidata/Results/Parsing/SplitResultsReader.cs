using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Reads the entries of a large results file on two threads. The second thread starts at about the middle of the
/// file, at the first place that looks like the start of a <c>results[]</c> entry, and reads entries from there to
/// the array's end into a part of its own; the first reads from the start and stops where the second started. The
/// split is speculative: it is kept only if the first thread finds an entry starting at exactly that byte (JSON read
/// from a true token boundary is the same whatever came before, so the second thread's entries are then the
/// document's, in order). Otherwise, or if the second thread failed, its part is dropped and the first thread reads
/// on to the end, so an error there is reported by the one sequential reader with its true entry index.
/// </summary>
internal static class SplitResultsReader
{
    private sealed record SecondPart<TPart>(TPart Part, int Entries, long ResultsEnd);

    /// <summary>
    /// Reads the document's entries (votes skipped) into parts made by <paramref name="createPart"/> (0: from the
    /// start, 1: the second thread's), returned in document order with the index of their first entry.
    /// </summary>
    public static async Task<(CompareResultsStreamReader Reader, List<(TPart Part, int FirstIndex)> Parts)> ReadAsync<TPart>(
        Stream stream, CompareResultsParseOptions options, Func<int, TPart> createPart, Action<TPart, CompareEntryAggregates> onEntry,
        CancellationToken cancellationToken)
    {
        var first = createPart(0);
        var parts = new List<(TPart Part, int FirstIndex)> { (first, 0) };
        var reader = new CompareResultsStreamReader(stream, options, (entry, _) => onEntry(first, entry), keepAssetUrls: false);
        var (secondFile, secondStart) = OpenSecondPart(stream, options);
        if (secondFile is null)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
            }
            return (reader, parts);
        }

        using var stopSecond = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var secondPart = createPart(1);
        var second = Task.Run(() => ReadSecondPartAsync(secondFile, secondStart, secondPart, options, onEntry, stopSecond.Token),
            CancellationToken.None);
        try
        {
            reader.StopAt = secondStart;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
            }
            if (!reader.IsStopped) return (reader, parts);
            var read = reader.StoppedAt == secondStart ? await second.ConfigureAwait(false) : null;
            if (read is null)
            {
                await stopSecond.CancelAsync().ConfigureAwait(false);
                reader.ContinuePastStop();
            }
            else
            {
                parts.Add((read.Part, reader.EntriesRead));
                reader.ResumeAfterResults(read.ResultsEnd, read.Entries);
            }
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
            }
            return (reader, parts);
        }
        finally
        {
            // The first thread failed or is done: the second must not outlive the call (it holds a file handle).
            await stopSecond.CancelAsync().ConfigureAwait(false);
            await second.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A second handle on the file and where its part starts; (null, -1) for a stream that is not a file on disk (or no
    /// longer at its path), a file smaller than <see cref="CompareResultsParseOptions.ParallelReadMinimumBytes"/>, or no
    /// entry start found near the middle.
    /// </summary>
    private static (FileStream? File, long Start) OpenSecondPart(Stream stream, CompareResultsParseOptions options)
    {
        if (stream is not FileStream { CanSeek: true } file || !Path.IsPathRooted(file.Name)) return (null, -1);
        var origin = file.Position;
        var length = file.Length - origin;
        if (length < options.ParallelReadMinimumBytes) return (null, -1);
        FileStream second;
        try
        {
            second = new FileStream(file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, -1); // e.g. deleted since it was opened: one thread reads it through the caller's handle
        }
        if (second.Length != file.Length)
        {
            second.Dispose();
            return (null, -1);
        }
        try
        {
            var middle = origin + length / 2;
            var window = new byte[(int)Math.Min(Math.Max(options.BufferSize, 64 << 10), second.Length - middle)];
            second.Position = middle;
            var read = second.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
            var start = EntryStart(window.AsSpan(0, read), isFinalBlock: middle + read >= second.Length, options);
            if (start < 0) return (null, -1);
            second.Position = middle + start;
            return (second, middle + start);
        }
        catch
        {
            second.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The first <c>{</c> in <paramref name="window"/> that ends a <c>}</c> <c>,</c> <c>{</c> sequence (whitespace
    /// allowed) and starts something that parses as an entry with options (votes have none) and is followed by
    /// <c>,</c> or <c>]</c>; -1 when there is none (or the first candidate entry runs past the window).
    /// </summary>
    internal static int EntryStart(ReadOnlySpan<byte> window, bool isFinalBlock, CompareResultsParseOptions options)
    {
        var parser = new CompareEntryParser(options, new StringPool());
        var entry = new CompareEntryAggregates();
        for (var close = window.IndexOf((byte)'}'); close >= 0; close = NextClose(window, close))
        {
            var comma = AfterWhitespace(window, close + 1);
            if (comma >= window.Length || window[comma] != ',') continue;
            var open = AfterWhitespace(window, comma + 1);
            if (open >= window.Length || window[open] != '{') continue;
            try
            {
                parser.Parse(window[open..], isFinalBlock, 0, entry, keepAssetUrls: false, out var length);
                var next = AfterWhitespace(window, open + length);
                if (entry.AssetOptions.Count > 0 && next < window.Length && window[next] is (byte)',' or (byte)']') return open;
            }
            catch (JsonException)
            {
                // Not an entry (the brackets were inside a string, or between votes): try the next one.
            }
            catch (NeedMoreDataException)
            {
                return -1;
            }
        }
        return -1;
    }

    private static int NextClose(ReadOnlySpan<byte> window, int close)
    {
        var next = window[(close + 1)..].IndexOf((byte)'}');
        return next < 0 ? -1 : close + 1 + next;
    }

    private static int AfterWhitespace(ReadOnlySpan<byte> window, int from)
    {
        var skip = from < window.Length ? window[from..].IndexOfAnyExcept(" \t\r\n"u8) : -1;
        return skip < 0 ? window.Length : from + skip;
    }

    /// <summary>Reads entries from <paramref name="start"/> to the end of the results array; null on any failure.</summary>
    private static async Task<SecondPart<TPart>?> ReadSecondPartAsync<TPart>(FileStream file, long start, TPart part,
        CompareResultsParseOptions options, Action<TPart, CompareEntryAggregates> onEntry, CancellationToken cancellationToken)
    {
        await using (file.ConfigureAwait(false))
        {
            try
            {
                var reader = new CompareResultsStreamReader(file, options, (entry, _) => onEntry(part, entry), keepAssetUrls: false);
                reader.StartInsideResults();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                }
                return new SecondPart<TPart>(part, reader.EntriesRead, reader.ResultsEnd);
            }
#pragma warning disable CA1031 // Speculative work: whatever failed, the first thread reads this range itself and reports it.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }
}
