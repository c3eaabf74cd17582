using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Tests.Results;

/// <summary>A bad document fails with a message naming the entry and field, never silently.</summary>
public sealed class CompareResultsErrorTests
{
    [Fact]
    public async Task ParseAsync_VoteCountIsText_NamesEntryAndField()
    {
        const string json = """{"results":[{"aggregatedResults":{"a":1}},{"aggregatedResults":{"a":"many"}}]}""";

        var error = await Assert.ThrowsAsync<JsonException>(() => ResultsSamples.ParseAsync(json));

        Assert.Contains("results[1].aggregatedResults.a must be an integer", error.Message);
    }

    [Fact]
    public async Task ParseAsync_BadUserScore_NamesVote()
    {
        const string json = """{"results":[{"detailedResults":[{"votedFor":"a"},{"votedFor":"a","userDetails":{"userScores":{"global":"high"}}}]}]}""";

        var error = await Assert.ThrowsAsync<JsonException>(() => ResultsSamples.ParseAsync(json));

        Assert.Contains("results[0].detailedResults[1].userDetails.userScores.global must be a number", error.Message);
    }

    [Fact]
    public async Task ParseAsync_TruncatedDocument_ThrowsJsonException()
    {
        var bytes = ResultsSamples.Synthetic(entries: 30, votesPerEntry: 4);
        var truncated = bytes.AsSpan(0, bytes.Length - 50).ToArray();

        var error = await Assert.ThrowsAnyAsync<JsonException>(() =>
            PreferenceFunctions.Rapidata.Results.CompareResultsDocument.ParseAsync(new MemoryStream(truncated), new() { BufferSize = 4096 }));

        Assert.Contains("Results document", error.Message);
    }

    [Fact]
    public async Task ParseAsync_ClassificationShapedResults_SaysNotACompareDocument()
    {
        const string json = """{"results":{"globalAggregatedData":{},"data":[]}}""";

        var error = await Assert.ThrowsAsync<JsonException>(() => ResultsSamples.ParseAsync(json));

        Assert.Contains("not a compare results document", error.Message);
    }

    [Fact]
    public async Task ParseAsync_TopLevelArray_SaysDocumentMustBeObject()
    {
        var error = await Assert.ThrowsAsync<JsonException>(() => ResultsSamples.ParseAsync("[1, 2]"));

        Assert.Contains("the document must be an object", error.Message);
    }

    [Fact]
    public async Task ParseAsync_EmptyBody_ThrowsJsonException()
    {
        var error = await Assert.ThrowsAnyAsync<JsonException>(() => ResultsSamples.ParseAsync(""));

        Assert.Contains("Results document", error.Message);
    }
}
