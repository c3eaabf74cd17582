using System.Text;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class MatchupOutcomeBuilderTests
{
    private const string Document = """
        {
          "info": { "version": "4.1.0", "type": "Compare" },
          "results": [
            {
              "context": "a fox",
              "winner": "sd3_7_1.png", "weightedWinner": "flux_7_0.png",
              "aggregatedResults": { "sd3_7_1.png": 5, "flux_7_0.png": 4, "Both": 2, "Neither": 1 },
              "summedUserScores": { "sd3_7_1.png": 2.0, "flux_7_0.png": 3.5, "Both": 0.9, "Neither": 0.4 },
              "privateMetadata": { "matchupId": "m-7" },
              "detailedResults": [ { "votedFor": "flux_7_0.png", "userDetails": { "country": "DE", "language": "de", "userScores": { "global": 0.9, "compare": 0.7 },
                "demographics": { "age": "30-39", "gender": "Female", "occupation": "Student" } } } ]
            },
            {
              "context": "a cat",
              "aggregatedResults": { "flux_8_0.png": 3, "sd3_8_1.png": 6 },
              "summedUserScores": { "flux_8_0.png": 1.5, "sd3_8_1.png": 2.5 }
            }
          ],
          "summary": { "A_wins_total": 1, "B_wins_total": 1 }
        }
        """;

    private static readonly Matchup[] Known =
    [
        new() { Id = "m-7", Prompt = "a fox (dataset)", Image1 = "images/flux_7_0.png", Image2 = "images/sd3_7_1.png", Model1 = "Flux.1", Model2 = "SD3" },
        new() { Id = "m-8", Prompt = "a cat (dataset)", Image1 = "images/flux_8_0.png", Image2 = "images/sd3_8_1.png", Model1 = "Flux.1", Model2 = "SD3" },
    ];

    [Fact]
    public async Task Build_WithKnownMatchups_JoinsByMatchupIdAndByNamesAndOrientsLikeTheDataset()
    {
        var outcomes = MatchupOutcomeBuilder.Build(await ParseAsync(Document), Known);

        var fox = outcomes.Single(o => o.Matchup.Id == "m-7");
        Assert.Equal(("images/flux_7_0.png", "Flux.1", 4, 3.5), (fox.Matchup.Image1, fox.Matchup.Model1, fox.Votes1, fox.WeightedVotes1));
        Assert.Equal(("images/sd3_7_1.png", "SD3", 5, 2.0), (fox.Matchup.Image2, fox.Matchup.Model2, fox.Votes2, fox.WeightedVotes2));
        Assert.Equal((2, 1), (fox.BothVotes, fox.NeitherVotes));
        Assert.Equal("a fox", fox.Matchup.Prompt);
        Assert.Equal(("sd3_7_1.png", "flux_7_0.png"), (fox.Winner, fox.WeightedWinner));
        var vote = Assert.Single(fox.Details);
        Assert.Equal(("images/flux_7_0.png", "DE", "de", 0.9), (vote.VotedFor, vote.Country, vote.Language, vote.UserScore));
        Assert.Equal(["age=30-39", "gender=Female", "occupation=Student"], vote.Demographics.Select(d => $"{d.Key}={d.Value}"));
        Assert.Equal(["global=0.9", "compare=0.7"], vote.UserScores.Select(s => FormattableString.Invariant($"{s.Key}={s.Value}")));
        var cat = outcomes.Single(o => o.Matchup.Id == "m-8");
        Assert.Equal((3, 6), (cat.Votes1, cat.Votes2));
    }

    [Fact]
    public async Task Build_WithoutKnownMatchups_TakesModelsFromFileNames()
    {
        var outcomes = MatchupOutcomeBuilder.Build(await ParseAsync(Document));

        Assert.Equal(["m-7", "result-2"], outcomes.Select(o => o.Matchup.Id));
        var fox = outcomes[0];
        Assert.Equal(("sd3_7_1.png", "sd3", 5), (fox.Matchup.Image1, fox.Matchup.Model1, fox.Votes1));
        Assert.Equal(("flux_7_0.png", "flux", 4), (fox.Matchup.Image2, fox.Matchup.Model2, fox.Votes2));
    }

    [Fact]
    public async Task Build_DocumentWithoutUserScores_UsesRawVotesAsWeighted()
    {
        var json = """{"results":[{"aggregatedResults":{"a_1_0.png":2,"b_1_1.png":7}}]}""";

        var outcome = Assert.Single(MatchupOutcomeBuilder.Build(await ParseAsync(json)));

        Assert.Equal((2.0, 7.0), (outcome.WeightedVotes1, outcome.WeightedVotes2));
    }

    [Fact]
    public async Task Build_SamePairTwice_MergesVotes()
    {
        var json = """{"results":[{"aggregatedResults":{"a_1_0.png":2,"b_1_1.png":7}},{"aggregatedResults":{"b_1_1.png":1,"a_1_0.png":4}}]}""";

        var outcome = Assert.Single(MatchupOutcomeBuilder.Build(await ParseAsync(json), [new Matchup { Id = "x", Prompt = "", Image1 = "a_1_0.png", Image2 = "b_1_1.png", Model1 = "a", Model2 = "b" }]));

        Assert.Equal((6, 8), (outcome.Votes1, outcome.Votes2));
        Assert.Equal("b_1_1.png", outcome.Winner);
    }

    [Fact]
    public async Task Build_MatchupWithResultKeys_JoinsByTheNamesTheImagesWereUploadedUnder()
    {
        var json = """{"results":[{"aggregatedResults":{"beta_same.png":3,"alpha_same.png":5}}]}""";
        Matchup uploaded = new()
        {
            Id = "s", Prompt = "p", Image1 = "alpha/same.png", Image2 = "beta/same.png", Model1 = "alpha", Model2 = "beta",
            ResultKey1 = "alpha_same.png", ResultKey2 = "beta_same.png",
        };

        var outcome = Assert.Single(MatchupOutcomeBuilder.Build(await ParseAsync(json), [uploaded]));

        Assert.Equal(("s", "alpha/same.png", "alpha", 5, 3), (outcome.Matchup.Id, outcome.Matchup.Image1, outcome.Matchup.Model1, outcome.Votes1, outcome.Votes2));
    }

    [Fact]
    public async Task Build_EntryMatchingNoKnownMatchup_ThrowsNamingTheEntry()
    {
        var document = await ParseAsync(Document);

        var error = Assert.Throws<InvalidDataException>(() => MatchupOutcomeBuilder.Build(document, [Known[0]]));

        Assert.Contains("results[1]", error.Message);
        Assert.Contains("flux_8_0.png", error.Message);
    }

    [Fact]
    public async Task Build_EntryWithOneImage_ThrowsNamingTheEntry()
    {
        var document = await ParseAsync("""{"results":[{"aggregatedResults":{"a_1_0.png":2,"Both":1}}]}""");

        var error = Assert.Throws<InvalidDataException>(() => MatchupOutcomeBuilder.Build(document));

        Assert.Contains("results[0] has 1 image options", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadDocumentAsync_VotesSkipped_SameOutcomesAsBuildOfTheDocument(bool withKnownMatchups)
    {
        // Without the votes the entries are folded from their aggregates (no entry records): joined, oriented and
        // counted the same way.
        var known = withKnownMatchups ? Known : null;
        var built = MatchupOutcomeBuilder.Build(await ParseAsync(Document), known);

        var (_, folded) = await MatchupOutcomeBuilder.ReadDocumentAsync(new MemoryStream(Encoding.UTF8.GetBytes(Document)),
            new CompareResultsParseOptions { IncludeDetailedResults = false }, known);

        Assert.Equal(built.Select(o => o with { Details = [] }), folded);
    }

    [Fact]
    public async Task ReadDocumentAsync_VotesSkipped_EntryWithOneImageOrNoMatchup_ThrowsNamingTheEntry()
    {
        var options = new CompareResultsParseOptions { IncludeDetailedResults = false };

        var oneImage = await Assert.ThrowsAsync<InvalidDataException>(() => MatchupOutcomeBuilder.ReadDocumentAsync(
            new MemoryStream("""{"results":[{"aggregatedResults":{"a_1_0.png":2,"b_1_1.png":1}},{"aggregatedResults":{"a_1_0.png":2,"Both":1}}]}"""u8.ToArray()),
            options));
        var unknown = await Assert.ThrowsAsync<InvalidDataException>(() => MatchupOutcomeBuilder.ReadDocumentAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(Document)), options, [Known[0]]));

        Assert.Contains("results[1] has 1 image options (a_1_0.png)", oneImage.Message);
        Assert.Contains("results[1] (matchupId 'none', images 'flux_8_0.png', 'sd3_8_1.png') matches no matchup", unknown.Message);
    }

    private static Task<CompareResultsDocument> ParseAsync(string json) =>
        CompareResultsDocument.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
