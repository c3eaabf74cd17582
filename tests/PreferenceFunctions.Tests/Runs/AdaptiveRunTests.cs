using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Runs.Rounds;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Adaptive rounds end to end: follow-up orders for the uncertain matchups on the emulator, votes merged per matchup.</summary>
public sealed class AdaptiveRunTests
{
    // Every model equally strong (the emulator's default): most pairs stay close, so rounds have work to do.
    private const string PairsOrder = """
        { "name": "adaptive", "responsesPerMatchup": 5,
          "adaptive": { "rounds": 3, "extraResponses": 4, "maxExtraVotes": 120, "stop": "pairs" } }
        """;

    private static readonly string[] StoppedStates = ["Paused", "Cancelled"];

    [Fact]
    public async Task Run_AdaptivePairs_OrdersFollowUpRoundsAndMergedVotesEqualTheSumOfTheRounds()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(SampleCopy.With(PairsOrder), "adaptive");

        var start = await harness.StartRunAsync("adaptive", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);

        var run = (await harness.RunRowAsync(start.RunId))!;
        var orders = harness.Emulator.Requests.Entries.Count(r => r.Method == "POST" && r.Path == "/order" && r.Status is >= 200 and < 300);
        Assert.True(run.Rounds >= 2, $"Expected a follow-up round: {run.RoundsSummary}");
        Assert.Equal(run.Rounds, orders); // one order per collected round, none twice
        Assert.InRange(run.ExtraVotes ?? 0, 4, 120);
        Assert.Contains("round 2:", run.RoundsSummary);
        Assert.Contains("stopped:", run.RoundsSummary);
        // The follow-ups reuse the first order's images: nothing is uploaded again.
        var uploads = harness.Emulator.Requests.Entries.Count(r => r.Method == "POST" && r.Path == "/asset/file");
        Assert.Equal(run.AssetsUploaded, uploads); // all by the first order

        // Independently of the pipeline: the raw votes of every round's document, added per matchup id.
        var expected = new Dictionary<string, int>();
        var documents = new List<string> { RunBlobs.Results(start.RunId) };
        documents.AddRange(Enumerable.Range(2, run.Rounds!.Value - 1).Select(r => RoundBlobs.Results(start.RunId, r)));
        foreach (var name in documents)
        {
            using var document = JsonDocument.Parse((await harness.Runs.GetBlobClient(name).DownloadContentAsync()).Value.Content);
            foreach (var entry in document.RootElement.GetProperty("results").EnumerateArray())
            {
                var id = entry.GetProperty("privateMetadata").GetProperty("matchupId").GetString()!;
                var votes = entry.GetProperty("aggregatedResults").EnumerateObject().Sum(p => p.Value.GetInt32());
                expected[id] = expected.GetValueOrDefault(id) + votes;
            }
        }
        var rows = await harness.Storage.Tables.GetTableClient(TableNames.MatchupResults)
            .QueryAsync<MatchupResultEntity>(e => e.PartitionKey == start.RunId).ToListAsync();
        Assert.Equal(40, rows.Count);
        Assert.All(rows, row => Assert.Equal(expected[row.MatchupId], row.Votes1 + row.Votes2 + row.BothVotes + row.NeitherVotes));
        Assert.Equal(40 * 5 + run.ExtraVotes, rows.Sum(r => r.Votes1 + r.Votes2 + r.BothVotes + r.NeitherVotes));
        Assert.Equal(rows.Sum(r => r.Votes1 + r.Votes2), run.TotalVotes);
        Assert.Contains(rows, r => r.Votes1 + r.Votes2 > 5);

        var report = (await harness.Runs.GetBlobClient(RunBlobs.Report(start.RunId)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Adaptive rounds", report);
    }

    [Fact]
    public async Task Run_CancelledDuringRoundTwo_StopsTheRoundsOrderAndEndsCancelled()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(SampleCopy.With(PairsOrder), "adaptive-cancel");
        var start = await harness.StartRunAsync("adaptive-cancel", etag);
        // Round 2's order exists: from now on the crowd is too slow to finish it before the cancel.
        var roundOrder = await Eventually.GetAsync(() => OrderNamedAsync(harness, "round 2"), o => o is not null,
            TimeSpan.FromSeconds(60), "round 2's order");
        harness.Emulator.Options.Crowd.VotesPerSecond = 0.01;

        await harness.Client.RaiseEventAsync(start.RunId, CancelRequest.EventName,
            new CancelRequest(OrderAbandonAction.Pause, "stop the test run"));
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Cancelled);

        var run = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Contains("cancelled during round 2", run.RoundsSummary);
        // Paused when the cancel found it submitted, deleted (Cancelled) when it came before submit.
        Assert.Contains(harness.Emulator.GetOrderState(roundOrder!), StoppedStates);
        Assert.Null(await OrderNamedAsync(harness, "round 3"));
        var round = await harness.Client.GetInstanceAsync(RoundRequest.InstanceIdFor(start.RunId, 2));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, round?.RuntimeStatus);
    }

    /// <summary>The id of the emulator's order whose name contains <paramref name="part"/>, if there is one.</summary>
    private static async Task<string?> OrderNamedAsync(RunHarness harness, string part)
    {
        using var http = new HttpClient { BaseAddress = harness.Emulator.BaseUrl };
        var orders = await http.GetFromJsonAsync<List<JsonElement>>("_emulator/orders") ?? [];
        return orders.Where(o => o.GetProperty("name").GetString()!.Contains(part, StringComparison.Ordinal))
            .Select(o => o.GetProperty("id").GetString()).FirstOrDefault();
    }
}
