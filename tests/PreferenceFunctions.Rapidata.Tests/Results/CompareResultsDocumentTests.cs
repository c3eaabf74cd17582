using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Rapidata.Tests.Results;

public sealed class CompareResultsDocumentTests
{
    [Fact]
    public async Task ParseAsync_Version41Document_ReadsEveryField()
    {
        await using var stream = ResultsSamples.Open("compare-4.1.json");

        var document = await CompareResultsDocument.ParseAsync(stream);

        Assert.Equal("4.1.0", document.Info.Version);
        Assert.Equal("Compare", document.Info.Type);
        Assert.Equal("Which image fits the description better?", document.Info.Instruction);
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 9, 30, 0, TimeSpan.Zero), document.Info.CreatedAt);
        Assert.Equal((0, 1), (document.Summary.AWinsTotal, document.Summary.BWinsTotal));
        var entry = document.Results[0];
        Assert.Equal("A lighthouse on a cliff during a thunderstorm", entry.Context);
        Assert.Equal(("y_0007.png", 1), (entry.Winner, entry.WinnerIndex));
        Assert.Equal(("y_0007.png", 1), (entry.WeightedWinner, entry.WeightedWinnerIndex));
        Assert.True(entry.HasWeightedWinner);
        Assert.Equal(["x_0007.png", "y_0007.png"], entry.AssetOptions);
        Assert.Equal("https://assets.rapidata.ai/00000000-aaaa-4bbb-8ccc-000000000002.png", entry.AssetUrls["y_0007.png"]);
        Assert.Equal(2, entry.AggregatedResults["y_0007.png"]);
        Assert.Equal(0.6667, entry.AggregatedResultsRatios["y_0007.png"]);
        Assert.Equal(1.62, entry.SummedUserScores["y_0007.png"]);
        Assert.Equal(0.2020, entry.SummedUserScoresRatios["x_0007.png"]);
        Assert.Equal("m-7", entry.PrivateMetadata["matchupId"]);
        Assert.Equal(3, entry.DetailedResults.Count);
        var vote = entry.DetailedResults[0];
        Assert.Equal("y_0007.png", vote.VotedFor);
        Assert.Equal(("DE", "de", 0.80), (vote.UserDetails.Country, vote.UserDetails.Language, vote.UserDetails.GlobalScore));
        Assert.Equal("Female", vote.UserDetails.Demographics["gender"]);
        Assert.Empty(entry.DetailedResults[1].UserDetails.Demographics);
    }

    [Fact]
    public async Task ParseAsync_TieWithBothAndNeither_KeepsNullWinnerAndExcludesUnsureFromAssets()
    {
        await using var stream = ResultsSamples.Open("compare-4.1.json");

        var entry = (await CompareResultsDocument.ParseAsync(stream)).Results[1];

        Assert.Null(entry.Winner);
        Assert.Null(entry.WinnerIndex);
        Assert.Equal(("a_0008.png", 0), (entry.WeightedWinner, entry.WeightedWinnerIndex));
        Assert.Equal(["a_0008.png", "b_0008.png"], entry.AssetOptions);
        Assert.Equal(["a_0008.png", "b_0008.png", "Both", "Neither"], entry.AggregatedResults.Keys);
        Assert.Equal(1, entry.VotesFor(CompareResultEntry.Both));
        Assert.Equal(0, entry.VotesFor(CompareResultEntry.Neither));
        Assert.Equal(CompareResultEntry.Both, entry.DetailedResults[4].VotedFor);
        Assert.Equal(0.7, entry.DetailedResults[0].UserDetails.UserScores["compare"]);
        Assert.Empty(entry.PrivateMetadata);
    }

    [Fact]
    public async Task ParseAsync_Version30Document_NormalisesLegacyFields()
    {
        await using var stream = ResultsSamples.Open("compare-3.0.json");

        var document = await CompareResultsDocument.ParseAsync(stream);

        Assert.Equal(("3.0.0", "Compare"), (document.Info.Version, document.Info.Type));
        var entry = document.Results[0];
        Assert.Equal(("sd_12_0.png", 0), (entry.Winner, entry.WinnerIndex));
        Assert.False(entry.HasWeightedWinner);
        Assert.Null(entry.WeightedWinner);
        Assert.Null(entry.WeightedWinnerIndex);
        Assert.Equal(["sd_12_0.png", "flux_12_0.png"], entry.AssetOptions);
        var flat = entry.DetailedResults[0].UserDetails;
        Assert.Equal(0.7, flat.GlobalScore);
        Assert.Equal("Male", flat.Demographics["gender"]);
        Assert.Equal("Unknown", flat.Demographics["occupation"]);
        Assert.Equal(0.6, entry.DetailedResults[1].UserDetails.GlobalScore);
        Assert.Equal("Student", entry.DetailedResults[1].UserDetails.Demographics["occupation"]);
        Assert.Empty(entry.DetailedResults[2].UserDetails.Demographics);
        Assert.Null(document.Results[1].Winner);
        Assert.Null(document.Results[1].WinnerIndex);
    }

    [Fact]
    public async Task ParseAsync_DetailedResultsOff_SkipsVotesButKeepsAggregates()
    {
        await using var stream = ResultsSamples.Open("compare-4.1.json");

        var document = await CompareResultsDocument.ParseAsync(stream, new CompareResultsParseOptions { IncludeDetailedResults = false });

        Assert.All(document.Results, entry => Assert.Empty(entry.DetailedResults));
        Assert.Equal(2, document.Results[0].AggregatedResults["y_0007.png"]);
        Assert.Equal(1, document.Summary.BWinsTotal);
    }

    [Fact]
    public async Task ParseAsync_MissingOptionalBlocks_GivesEmptyValues()
    {
        var document = await ResultsSamples.ParseAsync("""{"results":[{"winner":"a.png","aggregatedResults":{"a.png":1}}]}""");

        Assert.Equal(CompareResultsInfo.Empty, document.Info);
        Assert.Null(document.Summary.AWinsTotal);
        var entry = Assert.Single(document.Results);
        Assert.Null(entry.WinnerIndex);
        Assert.False(entry.HasWeightedWinner);
        Assert.Empty(entry.AssetUrls);
        Assert.Empty(entry.DetailedResults);
        Assert.Equal(["a.png"], entry.AssetOptions);
    }

    [Fact]
    public async Task ParseAsync_DocumentWrappedInJsonString_Unwraps()
    {
        var inner = """{"info":{"version":"4.1.0"},"results":[{"winner":"a.png","aggregatedResults":{"a.png":2,"b.png":1}}]}""";
        var wrapped = System.Text.Json.JsonSerializer.Serialize(inner);

        var document = await ResultsSamples.ParseAsync(wrapped);

        Assert.Equal("4.1.0", document.Info.Version);
        Assert.Equal(2, Assert.Single(document.Results).VotesFor("a.png"));
    }

    [Fact]
    public async Task AssetOptions_WithCopyChangingUrls_FollowsTheCopy()
    {
        await using var stream = ResultsSamples.Open("compare-4.1.json");
        var entry = (await CompareResultsDocument.ParseAsync(stream)).Results[0];
        _ = entry.AssetOptions;

        var copy = entry with { AssetUrls = new Dictionary<string, string> { ["p.png"] = "u1", ["q.png"] = "u2" } };

        Assert.Equal(["p.png", "q.png"], copy.AssetOptions);
        Assert.Equal(["x_0007.png", "y_0007.png"], entry.AssetOptions);
    }
}
