using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>Living leaderboards on the local stack: a run naming one lands in it, and the /api/leaderboards routes.</summary>
public sealed class LeaderboardTests
{
    [Fact]
    public async Task Run_WithLeaderboardInOrderJson_LandsInTheLeaderboard()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync();
        var name = UniqueName.For("weekly");
        var folder = Directory.CreateTempSubdirectory("leaderboard-sample");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset)))
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "order.json"),
                $$"""{ "responsesPerMatchup": 5, "leaderboard": "{{name}}" }""");
            var upload = await new DatasetUploader(harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer))
                .UploadAsync(folder.FullName, "leaderboard-run");

            var run = await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(3));
            Assert.Equal(RunStatus.Completed, run!.Status);
            // The run is Completed before its votes are added (the leaderboard step follows WriteResults): until then 404.
            var board = (await Eventually.GetAsync(async () =>
            {
                try
                {
                    return JsonDocument.Parse(await host.Api.LeaderboardTextAsync(name)).RootElement;
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                    return (JsonElement?)null;
                }
            }, b => b?.GetProperty("runs").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the run in its leaderboard"))!.Value;

            Assert.Equal(upload.RunId, board.GetProperty("runs")[0].GetProperty("runId").GetString());
            Assert.True(board.GetProperty("models").GetArrayLength() >= 2);
            var votes = (await harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None)).Sum(m => (long)m.Votes1 + m.Votes2);
            Assert.Equal(votes, board.GetProperty("votes").GetInt64());
            var row = await harness.Runs.GetAsync(upload.RunId);
            Assert.Equal(name, row!.Leaderboard);
            Assert.Null(row.LeaderboardError);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Routes_ReadSuggestAndRemove_AnswerWithDataOrProblems()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var queueName = UniqueName.For("events");
        await using var host = await harness.StartInProcessHostAsync(watch: false,
            extra: new Dictionary<string, string?> { ["Notifications:QueueName"] = queueName });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var name = UniqueName.For("routes");
        var matchups = PreferenceAnalyzer.Analyze(
        [
            .. Pair("flux", "sd3", 8, 7, 20), .. Pair("sd3", "dalle", 12, 3, 20), .. Pair("flux", "dalle", 13, 2, 20),
        ]).Matchups;
        await host.Services.GetRequiredService<LeaderboardUpdater>().AddRunAsync(name, "run-1", LeaderboardPair.FromMatchups(matchups));

        var board = await http.GetFromJsonAsync<JsonElement>($"api/leaderboards/{name}");
        Assert.Equal(["dalle", "flux", "sd3"], board.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()).Order());
        var list = await http.GetFromJsonAsync<JsonElement>("api/leaderboards");
        Assert.Contains(list.GetProperty("leaderboards").EnumerateArray(), b => b.GetProperty("name").GetString() == name);
        Assert.StartsWith("rank,model,score,scoreLow,scoreHigh,votes,votesWon,component", await http.GetStringAsync($"api/leaderboards/{name}?format=csv"));
        Assert.Contains("<h1>Leaderboard", await http.GetStringAsync($"api/leaderboards/{name}/report"));

        var suggestion = await http.GetFromJsonAsync<JsonElement>($"api/leaderboards/{name}/suggest?votes=300&responsesPerMatchup=15");
        var top = suggestion.GetProperty("pairs")[0];
        Assert.Equal(("flux", "sd3"), (top.GetProperty("model1").GetString(), top.GetProperty("model2").GetString()));
        Assert.StartsWith("prompt,image1,image2,model1,model2", suggestion.GetProperty("matchupsCsv").GetString());

        await AssertProblemAsync(http.GetAsync("api/leaderboards/bad%20name!"), HttpStatusCode.BadRequest, "name");
        await AssertProblemAsync(http.GetAsync($"api/leaderboards/{name}-missing"), HttpStatusCode.NotFound, "no leaderboard");
        await AssertProblemAsync(http.GetAsync($"api/leaderboards/{name}/suggest"), HttpStatusCode.BadRequest, "votes");
        await AssertProblemAsync(http.GetAsync($"api/leaderboards/{name}/suggest?votes=0"), HttpStatusCode.BadRequest, "votes");
        await AssertProblemAsync(http.GetAsync($"api/leaderboards/{name}?format=xml"), HttpStatusCode.BadRequest, "format");
        await AssertProblemAsync(http.DeleteAsync($"api/leaderboards/{name}/runs/run-2"), HttpStatusCode.NotFound, "run-2");

        var removed = await http.DeleteAsync($"api/leaderboards/{name}/runs/run-1");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var empty = await removed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, empty.GetProperty("runs").GetArrayLength());
        Assert.Equal(0, empty.GetProperty("models").GetArrayLength());

        // Both changes were announced on the queue: version 1 added run-1 with three models, version 2 removed it.
        var queue = harness.Storage.Queues.GetQueueClient(queueName);
        var events = (await Eventually.GetAsync(async () => (await queue.PeekMessagesAsync(32)).Value, m => m.Length >= 2,
                TimeSpan.FromSeconds(20), "two leaderboard events on the queue"))!
            .Select(m => JsonDocument.Parse(Convert.FromBase64String(m.MessageText)).RootElement).ToList();
        Assert.All(events, e => Assert.Equal("preference.leaderboard.updated", e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal($"leaderboards/{name}", e.GetProperty("subject").GetString()));
        Assert.Equal([$"leaderboard:{name}:1", $"leaderboard:{name}:2"], events.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["runAdded", "runRemoved"], events.Select(e => e.GetProperty("data").GetProperty("change").GetString()));
        Assert.Equal([3, 0], events.Select(e => e.GetProperty("data").GetProperty("models").GetArrayLength()));
    }

    private static async Task AssertProblemAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string mentions)
    {
        using var response = await request;
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<MatchupOutcome> Pair(string model1, string model2, int votes1, int votes2, int matchups) =>
        Enumerable.Range(0, matchups).Select(i => new MatchupOutcome
        {
            Matchup = new Matchup
            {
                Id = $"{model1}-{model2}-{i}", Prompt = "p", Image1 = $"{model1}/{i}.png", Image2 = $"{model2}/{i}.png", Model1 = model1, Model2 = model2,
            },
            Votes1 = votes1, Votes2 = votes2, WeightedVotes1 = votes1, WeightedVotes2 = votes2, BothVotes = 0, NeitherVotes = 0,
        });
}
