using System.Text.Json;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Collect;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>The whole run on DurableTaskTestHost, the emulator over HTTP and Azurite.</summary>
public sealed class PreferenceRunTests
{
    [Fact]
    public async Task Run_SampleDataset_WritesTablesThatMatchTheResultsDocument()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "flux-vs-sd3");

        var start = await harness.StartRunAsync("flux-vs-sd3", etag);
        var done = await harness.WaitAsync(start.RunId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<RunResult>()!;
        Assert.Equal(RunPhase.Completed, result.Outcome);
        Assert.Equal(40, result.MatchupCount);

        var run = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.NotNull(run.OrderId);

        // Independently of our parser: votes per option straight from the raw document, keyed by matchupId.
        var raw = await harness.Runs.GetBlobClient(RunBlobs.Results(start.RunId)).DownloadContentAsync();
        using var document = JsonDocument.Parse(raw.Value.Content);
        var expected = new Dictionary<string, (string Prompt, int[] Votes)>();
        foreach (var entry in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var id = entry.GetProperty("privateMetadata").GetProperty("matchupId").GetString()!;
            var votes = entry.GetProperty("aggregatedResults").EnumerateObject()
                .Where(p => p.Name is not ("Both" or "Neither")).Select(p => p.Value.GetInt32()).ToArray();
            expected[id] = (entry.GetProperty("context").GetString()!, votes);
        }
        Assert.Equal(40, expected.Count);

        var rows = await harness.Storage.Tables.GetTableClient(TableNames.MatchupResults)
            .QueryAsync<MatchupResultEntity>(e => e.PartitionKey == start.RunId).ToListAsync();
        Assert.Equal(40, rows.Count);
        foreach (var row in rows)
        {
            var (prompt, votes) = expected[row.MatchupId];
            Assert.Equal(prompt, row.Prompt);
            Assert.Equal(votes.Order(), new[] { row.Votes1, row.Votes2 }.Order());
            var total = row.Votes1 + row.Votes2;
            Assert.Equal((double)Math.Max(row.Votes1, row.Votes2) / total, row.Ratio, 12);
            Assert.Equal(row.Votes1 > row.Votes2 ? row.Model1 : row.Votes2 > row.Votes1 ? row.Model2 : "", row.Winner);
        }

        var models = await harness.Storage.Tables.GetTableClient(TableNames.ModelScores)
            .QueryAsync<ModelScoreEntity>(e => e.PartitionKey == start.RunId).ToListAsync();
        Assert.Equal(["flux", "stable_diffusion"], models.Select(m => m.Model).Order());
        foreach (var model in models)
        {
            var votesForModel = rows.Sum(r => (r.Model1 == model.Model ? r.Votes1 : 0) + (r.Model2 == model.Model ? r.Votes2 : 0));
            Assert.Equal(votesForModel, model.Votes);
        }
        Assert.Equal(rows.Sum(r => r.Votes1 + r.Votes2), run.TotalVotes);
        Assert.True(await harness.Runs.GetBlobClient(RunBlobs.Report(start.RunId)).ExistsAsync());
    }

    [Fact]
    public async Task StartForBlob_SameBlobVersionFromThreeStartersAtOnceAndAgainLater_StartsOneRunAndOneOrder()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "twice");

        var racing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => harness.StartRunAsync("twice", etag)));
        await harness.WaitAsync(racing[0].RunId);
        var later = await harness.StartRunAsync("twice", etag);

        Assert.Single(racing, s => s.Started);
        Assert.All(racing, s => Assert.Equal(racing[0].RunId, s.RunId));
        Assert.False(later.Started);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
    }

    [Fact]
    public async Task Run_OrderFails_EndsFailedWithRapidatasReason()
    {
        await using var harness = await RunHarness.StartAsync(e =>
        {
            e.Faults.Outcome = OrderOutcome.Failed;
            e.Faults.FailureMessage = "Crowd unavailable in this region.";
        });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "fails");

        var start = await harness.StartRunAsync("fails", etag);
        var done = await harness.WaitAsync(start.RunId);

        var result = done.ReadOutputAs<RunResult>()!;
        Assert.Equal(RunPhase.Failed, result.Outcome);
        Assert.Contains("Crowd unavailable in this region.", result.Error);
        var run = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("Crowd unavailable", run.Error);
    }

    [Fact]
    public async Task Run_StaleResultsOnFirstDownload_RetriesAndCompletes()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Faults.StaleResultsOnFirstDownload = true);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "stale");

        var start = await harness.StartRunAsync("stale", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        Assert.Contains(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path.EndsWith("/retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SlowCrowdPastDeadline_FailsAndSaysWhy()
    {
        await using var harness = await RunHarness.StartAsync(
            e => e.Crowd.VotesPerSecond = 0.01,
            new Dictionary<string, string?> { ["Preference:Deadline"] = "00:00:02" });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "deadline");

        var start = await harness.StartRunAsync("deadline", etag);
        var done = await harness.WaitAsync(start.RunId);

        var result = done.ReadOutputAs<RunResult>()!;
        Assert.Equal(RunPhase.Failed, result.Outcome);
        Assert.Contains("deadline", result.Error);
    }
}
