using System.Text.Json;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Rapidata.Tests.Results;

/// <summary>
/// Without <see cref="CompareResultsParseOptions.IncludeDetailedResults"/> the votes arrays are jumped over by a scan
/// of quotes, escapes and brackets instead of being tokenised: the entries must come out the same, a votes array whose
/// brackets do not balance must fail naming the entry, and a full parse must still validate every vote.
/// </summary>
public sealed class CompareResultsVoteSkipTests
{
    private static readonly CompareResultsParseOptions SkipVotes = new() { IncludeDetailedResults = false };

    [Fact]
    public async Task ParseAsync_VotesSkipped_SmallBuffer_SameEntriesAsFullParse()
    {
        var bytes = ResultsSamples.Synthetic(entries: 400, votesPerEntry: 9);

        var full = await CompareResultsDocument.ParseAsync(new MemoryStream(bytes));
        var skipped = await CompareResultsDocument.ParseAsync(new MemoryStream(bytes), SkipVotes with { BufferSize = 4096 });

        Assert.Equal(400, skipped.Results.Count);
        Assert.Equal(full.Summary.AWinsTotal, skipped.Summary.AWinsTotal);
        foreach (var (a, b) in full.Results.Zip(skipped.Results))
        {
            Assert.Equal((a.Context, a.Winner, a.WeightedWinnerIndex), (b.Context, b.Winner, b.WeightedWinnerIndex));
            Assert.Equal(a.AggregatedResults, b.AggregatedResults);
            Assert.Equal(a.SummedUserScores, b.SummedUserScores);
            Assert.Equal(a.PrivateMetadata, b.PrivateMetadata);
            Assert.Empty(b.DetailedResults);
        }
    }

    [Fact]
    public async Task ParseAsync_VotesSkipped_BracketsAndEscapedQuotesInStrings_ReadsTheFieldsAfterTheVotes()
    {
        // Brackets and quotes inside strings are text and a backslash escapes the next byte; the padding moves the
        // escapes across the scan's 64-byte blocks. The fields after the votes array must still be read.
        for (var pad = 0; pad <= 64; pad++)
        {
            var votes = $$$"""[{"votedFor":"a]}","note":"{{{new string('x', pad)}}}\"[{\\"},{"userDetails":{"country":"[\"]"}}, [] ]""";
            var json = $$"""{"results":[{"aggregatedResults":{"a":1},"detailedResults": {{votes}} ,"context":"c\"]","winner":"a"},""" +
                """{"detailedResults":[],"privateMetadata":{"matchupId":"m1"}},{"detailedResults":null,"context":"third"}],""" +
                """ "summary":{"A_wins_total":3}}""";

            var document = await ResultsSamples.ParseAsync(json, SkipVotes);

            Assert.Equal(3, document.Results.Count);
            Assert.Equal("c\"]", document.Results[0].Context);
            Assert.Equal("a", document.Results[0].Winner);
            Assert.Equal("m1", document.Results[1].PrivateMetadata["matchupId"]);
            Assert.Equal("third", document.Results[2].Context);
            Assert.Equal(3, document.Summary.AWinsTotal);
        }
    }

    [Theory]
    [InlineData("""[{"votedFor":"a"}""")] // the array is closed by the entry's '}'
    [InlineData("""[{"votedFor":"a"]]""")]
    [InlineData("""[{"votedFor":"a"}]]""")]
    public async Task ParseAsync_VotesSkipped_UnbalancedBrackets_NamesTheEntry(string votes)
    {
        var json = $$"""{"results":[{"detailedResults":[]},{"context":"second","detailedResults":{{votes}}}]}""";

        var error = await Assert.ThrowsAnyAsync<JsonException>(() => ResultsSamples.ParseAsync(json, SkipVotes));

        Assert.Contains("results[1]", error.Message);
    }

    [Fact]
    public async Task ParseAsync_VotesSkipped_ArrayNeverClosed_SaysSo()
    {
        const string json = """{"results":[{"detailedResults":[{"votedFor":"a"},""";

        var error = await Assert.ThrowsAnyAsync<JsonException>(() => ResultsSamples.ParseAsync(json, SkipVotes));

        Assert.Contains("results[0].detailedResults is not valid JSON: the array is never closed", error.Message);
    }

    [Fact]
    public async Task ParseAsync_VotesKept_InvalidJsonInsideBalancedVotes_StillFails()
    {
        // Balanced brackets, but not JSON: the skip does not look inside; a full parse reads every vote and must refuse.
        const string json = """{"results":[{"detailedResults":[{"votedFor":"a",}]}]}""";

        var skipped = await ResultsSamples.ParseAsync(json, SkipVotes);
        var error = await Assert.ThrowsAnyAsync<JsonException>(() => ResultsSamples.ParseAsync(json));

        Assert.Single(skipped.Results);
        Assert.Contains("results[0]", error.Message);
    }
}
