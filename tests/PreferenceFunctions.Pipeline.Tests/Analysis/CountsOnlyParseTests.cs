using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary><c>analyze</c> parses without the individual votes; the rankings must not notice.</summary>
public sealed class CountsOnlyParseTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Analyze_DocumentParsedWithoutVotes_GivesTheSameScoresAndIntervalsTo1e9(bool weighted)
    {
        var json = DocumentWithVotes(matchups: 60, models: 4, votes: 9);
        var options = new AnalysisOptions(UseWeightedVotes: weighted, BootstrapRounds: 50);

        var full = PreferenceAnalyzer.Analyze(MatchupOutcomeBuilder.Build(await ParseAsync(json, keepVotes: true)), options);
        var countsOnly = PreferenceAnalyzer.Analyze(MatchupOutcomeBuilder.Build(await ParseAsync(json, keepVotes: false)), options);

        Assert.Equal(full.Models.Select(m => m.Model), countsOnly.Models.Select(m => m.Model));
        foreach (var (a, b) in full.Models.Zip(countsOnly.Models))
        {
            Assert.Equal(a.Score, b.Score, 1e-9);
            Assert.Equal(a.ScoreLow, b.ScoreLow, 1e-9);
            Assert.Equal(a.ScoreHigh, b.ScoreHigh, 1e-9);
            Assert.Equal((a.Rank, a.Votes, a.PairsWon), (b.Rank, b.Votes, b.PairsWon));
        }
        Assert.Equal(full.Matchups.Select(m => m.Ratio), countsOnly.Matchups.Select(m => m.Ratio));
    }

    [Fact]
    public async Task ReadDocumentAsync_EntriesFoldedAsRead_GiveTheSameOutcomesAndScoresAsBuildOfTheParsedDocument()
    {
        // The same pair uploaded twice: the copy of entry 0 at the end must be merged into it, in first-seen order.
        var document = JsonNode.Parse(DocumentWithVotes(matchups: 60, models: 4, votes: 9))!;
        var results = document["results"]!.AsArray();
        results[0]!["privateMetadata"] = new JsonObject { ["matchupId"] = "m0" };
        results.Add(results[0]!.DeepClone());
        var json = document.ToJsonString();
        var options = new AnalysisOptions(BootstrapRounds: 50);
        var built = MatchupOutcomeBuilder.Build(await ParseAsync(json, keepVotes: false));

        var (info, streamed) = await MatchupOutcomeBuilder.ReadDocumentAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)),
            new CompareResultsParseOptions { IncludeDetailedResults = false, BufferSize = 4096 });

        Assert.Equal(CompareResultsInfo.Empty, info);
        Assert.Equal(60, streamed.Count);
        var first = (await ParseAsync(json, keepVotes: false)).Results[0];
        Assert.Equal(2 * first.VotesFor(first.AssetOptions[0]), streamed[0].Votes1);
        Assert.Equal(built.Select(o => (o.Matchup, o.Votes1, o.Votes2, o.WeightedVotes1, o.WeightedVotes2)),
            streamed.Select(o => (o.Matchup, o.Votes1, o.Votes2, o.WeightedVotes1, o.WeightedVotes2)));
        var expected = PreferenceAnalyzer.Analyze(built, options);
        var actual = PreferenceAnalyzer.Analyze(streamed, options);
        foreach (var (a, b) in expected.Models.Zip(actual.Models, (a, b) => (a, b)))
        {
            Assert.Equal(a.Model, b.Model);
            Assert.Equal(a.Score, b.Score, 1e-9);
            Assert.Equal(a.ScoreLow, b.ScoreLow, 1e-9);
            Assert.Equal(a.ScoreHigh, b.ScoreHigh, 1e-9);
        }
    }

    private static Task<CompareResultsDocument> ParseAsync(string json, bool keepVotes) =>
        CompareResultsDocument.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), new CompareResultsParseOptions { IncludeDetailedResults = keepVotes });

    private static string DocumentWithVotes(int matchups, int models, int votes)
    {
        var random = new Random(7);
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            for (var i = 0; i < matchups; i++)
            {
                int a = random.Next(models), b = (a + 1 + random.Next(models - 1)) % models;
                string first = $"model{a}_{i}_0.png", second = $"model{b}_{i}_1.png";
                var picks = Enumerable.Range(0, votes).Select(_ => random.NextDouble() < 0.3 + 0.1 * a ? first : second).ToArray();
                var scores = picks.Select(_ => Math.Round(random.NextDouble(), 3)).ToArray();
                json.WriteStartObject();
                json.WriteStartObject("aggregatedResults");
                json.WriteNumber(first, picks.Count(p => p == first));
                json.WriteNumber(second, picks.Count(p => p == second));
                json.WriteEndObject();
                json.WriteStartObject("summedUserScores");
                json.WriteNumber(first, picks.Zip(scores).Where(p => p.First == first).Sum(p => p.Second));
                json.WriteNumber(second, picks.Zip(scores).Where(p => p.First == second).Sum(p => p.Second));
                json.WriteEndObject();
                json.WriteStartArray("detailedResults");
                foreach (var (pick, score) in picks.Zip(scores))
                {
                    json.WriteStartObject();
                    json.WriteString("votedFor", pick);
                    json.WriteStartObject("userDetails");
                    json.WriteString("country", "DE");
                    json.WriteStartObject("userScores");
                    json.WriteNumber("global", score);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
