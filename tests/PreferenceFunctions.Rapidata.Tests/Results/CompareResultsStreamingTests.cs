using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Rapidata.Tests.Results;

/// <summary>The parser reads in chunks: entries cut by the buffer's end, tiny reads and oversized entries must all parse.</summary>
public sealed class CompareResultsStreamingTests
{
    [Fact]
    public async Task ParseAsync_SmallBufferManyEntries_MatchesSingleChunkParse()
    {
        var bytes = ResultsSamples.Synthetic(entries: 300, votesPerEntry: 7);
        var small = new CompareResultsParseOptions { BufferSize = 4096 };

        var whole = await CompareResultsDocument.ParseAsync(new MemoryStream(bytes), new() { BufferSize = bytes.Length * 2 });
        var chunked = await CompareResultsDocument.ParseAsync(new MemoryStream(bytes), small);

        Assert.True(bytes.Length > 10 * 4096);
        Assert.Equal(300, chunked.Results.Count);
        Assert.Equal(300, chunked.Summary.AWinsTotal);
        for (var i = 0; i < whole.Results.Count; i++)
        {
            Assert.Equal(whole.Results[i].Context, chunked.Results[i].Context);
            Assert.Equal(whole.Results[i].AggregatedResults, chunked.Results[i].AggregatedResults);
            Assert.Equal(whole.Results[i].DetailedResults.Select(v => v.VotedFor), chunked.Results[i].DetailedResults.Select(v => v.VotedFor));
        }
        Assert.Equal("prompt \"299\"", chunked.Results[299].Context);
    }

    [Fact]
    public async Task ParseAsync_EveryEntryWithItsOwnFileNames_KeepsEachEntrysNamesAndSharedOnes()
    {
        // File names recur within an entry (pooled per entry), Neither across entries (pooled per document); more
        // entries than the document pool holds, names that differ only in their last byte, and non-ASCII names.
        var entries = Enumerable.Range(0, 5_000).Select(i =>
            $"{{'winner':'ä{i}_a.png','aggregatedResults':{{'ä{i}_a.png':3,'m{i}_b.png':1,'Neither':1}}," +
            $"'detailedResults':[{{'votedFor':'m{i}_b.png'}},{{'votedFor':'m{i}_c.png'}},{{'votedFor':'Neither'}}]}}");
        var json = System.Text.Encoding.UTF8.GetBytes($"{{'results':[{string.Join(",", entries)}]}}".Replace('\'', '"'));

        var document = await CompareResultsDocument.ParseAsync(new MemoryStream(json), new() { BufferSize = 4096 });

        Assert.Equal(5_000, document.Results.Count);
        foreach (var (entry, i) in document.Results.Select((e, i) => (e, i)))
        {
            Assert.Equal([$"ä{i}_a.png", $"m{i}_b.png", "Neither"], entry.AggregatedResults.Keys);
            Assert.Equal($"ä{i}_a.png", entry.Winner);
            Assert.Equal([$"m{i}_b.png", $"m{i}_c.png", "Neither"], entry.DetailedResults.Select(v => v.VotedFor));
        }
        Assert.Same(document.Results[0].AggregatedResults.Keys.Last(), document.Results[4_999].AggregatedResults.Keys.Last());
    }

    [Fact]
    public async Task ParseAsync_EntryLargerThanBuffer_GrowsBuffer()
    {
        var bytes = ResultsSamples.Synthetic(entries: 2, votesPerEntry: 2_000);

        var document = await CompareResultsDocument.ParseAsync(new MemoryStream(bytes), new() { BufferSize = 4096 });

        Assert.Equal(2_000, document.Results[1].DetailedResults.Count);
        var labeler = (1 * 7919 + 1999 * 104729) % 20_000;
        Assert.Equal(0.3 + labeler % 7000 / 10000.0, document.Results[1].DetailedResults[1999].UserDetails.GlobalScore);
    }

    [Fact]
    public async Task ParseAsync_StreamReturningThreeBytesPerRead_ParsesEverything()
    {
        var bytes = ResultsSamples.Synthetic(entries: 20, votesPerEntry: 5);

        var document = await CompareResultsDocument.ParseAsync(new TrickleStream(bytes, 3), new() { BufferSize = 4096 });

        Assert.Equal(20, document.Results.Count);
        Assert.Equal("m19", document.Results[19].PrivateMetadata["matchupId"]);
    }

    [Fact]
    public async Task ReadEntriesAsync_LargeDocument_YieldsEveryEntryInOrder()
    {
        var bytes = ResultsSamples.Synthetic(entries: 500, votesPerEntry: 3);
        var contexts = new List<string?>();

        await foreach (var entry in CompareResultsDocument.ReadEntriesAsync(new MemoryStream(bytes), new() { BufferSize = 4096 }))
            contexts.Add(entry.Context);

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"prompt \"{i}\""), contexts);
    }

    [Fact]
    public async Task ParseAsync_Cancelled_Throws()
    {
        var bytes = ResultsSamples.Synthetic(entries: 50, votesPerEntry: 5);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CompareResultsDocument.ParseAsync(new TrickleStream(bytes, 100), null, cancelled.Token));
    }
}
