using System.Text;
using PreferenceFunctions.Rapidata.Results.Parsing;

namespace PreferenceFunctions.Rapidata.Results;

/// <summary>
/// A Rapidata compare results document (<c>GET /order/{id}/download-results</c>), aggregator 4.x or 3.x shape.
/// </summary>
public sealed record CompareResultsDocument(
    CompareResultsInfo Info,
    IReadOnlyList<CompareResultEntry> Results,
    CompareResultsSummary Summary)
{
    /// <summary>
    /// Parses a results document from UTF-8 JSON, reading the stream in chunks: the text is never held as a
    /// string and at most one result entry (plus one read chunk) is buffered at a time. A document wrapped in a JSON
    /// string (the typing of <c>/results</c> and preliminary downloads) is unwrapped first, which does hold it in memory.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The document is not valid JSON or not a compare results
    /// document; the message names the entry (<c>results[i]</c>) and field.</exception>
    public static async Task<CompareResultsDocument> ParseAsync(
        Stream utf8Json,
        CompareResultsParseOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var results = new List<CompareResultEntry>();
        var reader = await ReadToEndAsync(utf8Json, options ?? CompareResultsParseOptions.Default,
            (entry, votes) => results.Add(entry.ToEntry(votes)), keepAssetUrls: true, cancellationToken).ConfigureAwait(false);
        return new CompareResultsDocument(reader.Info, results, reader.Summary);
    }

    /// <summary>
    /// Parses a results document like <see cref="ParseAsync"/> but hands each entry to <paramref name="onEntry"/> as
    /// soon as it is read instead of keeping it: for callers that fold the entries into something small (the rankings
    /// keep counts per matchup), so every entry dies young and the document is never held.
    /// </summary>
    /// <returns>The document's <c>info</c> block (read before the entries in documents Rapidata writes).</returns>
    /// <exception cref="System.Text.Json.JsonException">As <see cref="ParseAsync"/>.</exception>
    public static async Task<CompareResultsInfo> ForEachEntryAsync(
        Stream utf8Json,
        Action<CompareResultEntry> onEntry,
        CompareResultsParseOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(onEntry);
        var reader = await ReadToEndAsync(utf8Json, options ?? CompareResultsParseOptions.Default,
            (entry, votes) => onEntry(entry.ToEntry(votes)), keepAssetUrls: true, cancellationToken).ConfigureAwait(false);
        return reader.Info;
    }

    /// <summary>
    /// Parses a results document without its votes, handing each entry's aggregates (options, counts, scores,
    /// winners, metadata) to <paramref name="onEntry"/>: the fastest way to fold a document into counts. One
    /// <see cref="CompareEntryAggregates"/> is refilled for every entry, so nothing per entry is allocated but the
    /// strings it holds (context, option names, metadata values); the callback copies what it keeps.
    /// </summary>
    /// <returns>The document's <c>info</c> block (read before the entries in documents Rapidata writes).</returns>
    /// <exception cref="System.Text.Json.JsonException">As <see cref="ParseAsync"/>.</exception>
    public static async Task<CompareResultsInfo> ForEachEntryAggregatesAsync(
        Stream utf8Json,
        Action<CompareEntryAggregates> onEntry,
        int bufferSize = 1 << 20,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(onEntry);
        var options = new CompareResultsParseOptions { IncludeDetailedResults = false, BufferSize = bufferSize };
        var reader = await ReadToEndAsync(utf8Json, options, (entry, _) => onEntry(entry), keepAssetUrls: false, cancellationToken)
            .ConfigureAwait(false);
        return reader.Info;
    }

    /// <summary>
    /// Parses a results document without its votes like <see cref="ForEachEntryAggregatesAsync"/>, but a large file
    /// (a <see cref="FileStream"/> of at least <see cref="CompareResultsParseOptions.ParallelReadMinimumBytes"/>) is read
    /// by two threads: one from the start, one from an entry near the middle, each folding its entries into its own
    /// part. <paramref name="createPart"/> is called with 0 for the part read from the start and with 1 for the second
    /// thread's, whose entries arrive on that thread. The second part is kept only when the first thread confirms that
    /// an entry starts exactly where it started; otherwise it is dropped and the first part holds every entry.
    /// </summary>
    /// <param name="onEntry">Folds an entry into its part. <see cref="CompareEntryAggregates.Index"/> counts from the
    /// part's first entry; the part's <c>FirstIndex</c> added to it is the entry's index in <c>results</c>.</param>
    /// <returns>The <c>info</c> block and the parts kept, in document order, with the index of each one's first entry.</returns>
    /// <exception cref="System.Text.Json.JsonException">As <see cref="ParseAsync"/>; an error is always reported by the
    /// reader of the first part, with the entry's index in <c>results</c>.</exception>
    public static async Task<(CompareResultsInfo Info, IReadOnlyList<(TPart Part, int FirstIndex)> Parts)> ForEachEntryAggregatesInPartsAsync<TPart>(
        Stream utf8Json,
        Func<int, TPart> createPart,
        Action<TPart, CompareEntryAggregates> onEntry,
        CompareResultsParseOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(createPart);
        ArgumentNullException.ThrowIfNull(onEntry);
        var countsOnly = (options ?? CompareResultsParseOptions.Default) with { IncludeDetailedResults = false };
        var (reader, parts) = await SplitResultsReader.ReadAsync(utf8Json, countsOnly, createPart, onEntry, cancellationToken)
            .ConfigureAwait(false);
        return reader.WrappedDocument is { } wrapped
            ? await ForEachEntryAggregatesInPartsAsync(new MemoryStream(Encoding.UTF8.GetBytes(wrapped)), createPart, onEntry, countsOnly,
                cancellationToken).ConfigureAwait(false)
            : (reader.Info, parts);
    }

    /// <summary>
    /// Reads the whole document, handing each entry to <paramref name="onEntry"/> as it is parsed; a document wrapped in a
    /// JSON string is unwrapped and read the same way. Returns the reader that read the entries (its info and summary).
    /// </summary>
    private static async Task<CompareResultsStreamReader> ReadToEndAsync(Stream utf8Json, CompareResultsParseOptions options,
        Action<CompareEntryAggregates, IReadOnlyList<CompareVote>> onEntry, bool keepAssetUrls, CancellationToken cancellationToken)
    {
        var reader = new CompareResultsStreamReader(utf8Json, options, onEntry, keepAssetUrls);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
        }
        return reader.WrappedDocument is { } wrapped
            ? await ReadToEndAsync(new MemoryStream(Encoding.UTF8.GetBytes(wrapped)), options, onEntry, keepAssetUrls, cancellationToken).ConfigureAwait(false)
            : reader;
    }

    /// <summary>
    /// Streams the entries of a results document one by one, for callers that aggregate without keeping the
    /// whole document. <see cref="CompareResultsInfo"/> and the summary are skipped.
    /// </summary>
    public static async IAsyncEnumerable<CompareResultEntry> ReadEntriesAsync(
        Stream utf8Json,
        CompareResultsParseOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var batch = new List<CompareResultEntry>();
        var reader = new CompareResultsStreamReader(utf8Json, options ?? CompareResultsParseOptions.Default,
            (entry, votes) => batch.Add(entry.ToEntry(votes)));
        bool more;
        do
        {
            more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            foreach (var entry in batch) yield return entry;
            batch.Clear();
        }
        while (more);
        if (reader.WrappedDocument is { } wrapped)
        {
            await foreach (var entry in ReadEntriesAsync(new MemoryStream(Encoding.UTF8.GetBytes(wrapped)), options, cancellationToken))
                yield return entry;
        }
    }
}
