using System.Text;
using System.Text.Json;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Rapidata.Tests.Results;

/// <summary>
/// <see cref="CompareResultsDocument.ForEachEntryAggregatesAsync"/> refills one object per entry instead of building
/// entry records: what it hands over must equal what a full parse reads, whatever the buffer cuts, and errors must
/// still name the entry and field.
/// </summary>
public sealed class CompareEntryAggregatesTests
{
    [Theory]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task ForEachEntryAggregatesAsync_AnyBufferSize_SameOptionsCountsAndMetadataAsFullParse(int bufferSize)
    {
        var bytes = ResultsSamples.Synthetic(entries: 400, votesPerEntry: 9);
        var full = await CompareResultsDocument.ParseAsync(new MemoryStream(bytes));
        var seen = new List<(int Index, string? Context, string Options, string Counts, string? Winner, string? WeightedWinner, string? Id)>();

        var info = await CompareResultsDocument.ForEachEntryAggregatesAsync(new MemoryStream(bytes), entry => seen.Add(
            (entry.Index, entry.Context, string.Join("|", entry.AssetOptions), Counts(entry.AssetOptions, entry.VotesFor, entry.SummedUserScoreFor),
                entry.Winner, entry.WeightedWinner, entry.MetadataValue("matchupId"))), bufferSize);

        Assert.Equal(full.Info, info);
        Assert.Equal(400, seen.Count);
        Assert.Equal(full.Results.Select((e, i) => (i, e.Context, string.Join("|", e.AssetOptions),
                Counts(e.AssetOptions, e.VotesFor, o => e.SummedUserScores.GetValueOrDefault(o)), e.Winner, e.WeightedWinner,
                e.PrivateMetadata.GetValueOrDefault("matchupId"))),
            seen);
    }

    [Fact]
    public async Task ForEachEntryAggregatesAsync_RepeatedKeysEscapesAndNoUrls_FollowsTheFullParseRules()
    {
        // Options come from assetUrls (null URLs left out), else from aggregatedResults without Both/Neither; a key given
        // twice keeps its first place and its last value; escaped text is unescaped; a map given twice replaces the first.
        const string json = """
            {"results":[
              {"context":"a \"quoted\" caf\u00e9","assetUrls":{"x.png":"u1","gone.png":null,"y.png":"u2"},
               "aggregatedResults":{"x.png":1,"y.png":2,"x.png":5,"Neither":3},"summedUserScores":{"y.png":1.5},
               "privateMetadata":{"matchupId":"m\u0031","other":7}},
              {"aggregatedResults":{"Both":4,"b.png":2,"a.png":1},"aggregatedResults":{"Both":1,"a.png":9,"b.png":8},"detailedResults":[{"votedFor":"a.png"}]}
            ]}
            """;
        var bytes = Encoding.UTF8.GetBytes(json);
        var full = await CompareResultsDocument.ParseAsync(new MemoryStream(bytes));
        var seen = new List<string>();

        await CompareResultsDocument.ForEachEntryAggregatesAsync(new MemoryStream(bytes), entry => seen.Add(
            $"{entry.Context}; {string.Join(",", entry.AssetOptions)}; {Counts(entry.AssetOptions, entry.VotesFor, entry.SummedUserScoreFor)}; " +
            $"both {entry.VotesFor("Both")} neither {entry.VotesFor("Neither")}; {entry.HasSummedUserScores}; " +
            $"{entry.MetadataValue("matchupId") ?? "-"} {entry.MetadataValue("other") ?? "-"} {entry.MetadataValue("missing") ?? "-"}"));

        Assert.Equal("a \"quoted\" café; x.png,y.png; 5/0,2/1.5; both 0 neither 3; True; m1 7 -", seen[0]);
        Assert.Equal("; a.png,b.png; 9/0,8/0; both 1 neither 0; False; - - -", seen[1]);
        Assert.Equal(full.Results[1].AssetOptions, ["a.png", "b.png"]);
        Assert.Equal(9, full.Results[1].VotesFor("a.png"));
        Assert.Equal(5, full.Results[0].VotesFor("x.png"));
    }

    [Fact]
    public async Task ForEachEntryAggregatesAsync_BadFieldInALaterEntry_NamesTheEntryAndField()
    {
        var entries = string.Join(",", Enumerable.Range(0, 50).Select(i => i == 37
            ? """{"aggregatedResults":{"a.png":"three"},"detailedResults":[]}"""
            : $$"""{"context":"{{new string('p', i * 7)}}","aggregatedResults":{"a.png":{{i}}},"detailedResults":[{"votedFor":"a.png"}]}"""));
        var bytes = Encoding.UTF8.GetBytes($$"""{"results":[{{entries}}]}""");
        var count = 0;

        var error = await Assert.ThrowsAnyAsync<JsonException>(() =>
            CompareResultsDocument.ForEachEntryAggregatesAsync(new MemoryStream(bytes), _ => count++, bufferSize: 4096));

        Assert.Contains("results[37].aggregatedResults.a.png", error.Message);
        Assert.Equal(37, count);
    }

    [Fact]
    public async Task ForEachEntryAggregatesAsync_UrlOfTheWrongType_IsRefusedThoughUrlsAreNotKept()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"results":[{"assetUrls":{"a.png":"u"}},{"assetUrls":{"a.png":["u"]}}]}""");

        var error = await Assert.ThrowsAnyAsync<JsonException>(() =>
            CompareResultsDocument.ForEachEntryAggregatesAsync(new MemoryStream(bytes), _ => { }));

        Assert.Contains("results[1].assetUrls.a.png", error.Message);
    }

    private static string Counts(IReadOnlyList<string> options, Func<string, int> votes, Func<string, double> scores) =>
        string.Join(",", options.Select(o => FormattableString.Invariant($"{votes(o)}/{scores(o)}")));
}
