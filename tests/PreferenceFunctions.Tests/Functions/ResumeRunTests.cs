using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Tests.Runs;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>POST /api/runs/{runId}/resume and /reaggregate: a paid run is picked up again, never paid twice.</summary>
public sealed class ResumeRunTests
{
    [Fact]
    public async Task Resume_RunFailedAtItsDeadline_ResumesThePausedOrderAndCompletesWithOneOrder()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01,
            new Dictionary<string, string?> { ["Preference:Deadline"] = "00:00:03" });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "resume-me");
        var start = await harness.StartRunAsync("resume-me", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Failed);
        var failed = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal("Paused", harness.Emulator.GetOrderState(failed.OrderId!));

        var (status, body) = await PostAsync(harness, start.RunId, "resume", "?deadline=00:02:00");
        var (again, againBody) = await PostAsync(harness, start.RunId, "resume");

        Assert.Equal(202, status);
        Assert.True(HttpCall.Json(body).GetProperty("started").GetBoolean());
        Assert.Equal(202, again);
        Assert.False(HttpCall.Json(againBody).GetProperty("started").GetBoolean());
        await Eventually.GetAsync(() => Task.FromResult(harness.Emulator.GetOrderState(failed.OrderId!)), s => s == "Processing",
            TimeSpan.FromSeconds(30), "the order to be resumed");
        Assert.Equal(RunStatus.Running, (await harness.RunRowAsync(start.RunId))!.Status);
        harness.Emulator.CompleteOrder(failed.OrderId!);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal(RunStatus.Completed, row.Status);
        Assert.Null(row.Error);
        Assert.True(row.TotalVotes > 0);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
        Assert.Equal(40, await CountResultRowsAsync(harness, start.RunId));
    }

    [Fact]
    public async Task Resume_CompletedRun_409PointingToReaggregate()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "resume-done");
        var start = await harness.StartRunAsync("resume-done", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);

        var (status, body) = await PostAsync(harness, start.RunId, "resume");

        Assert.Equal(409, status);
        Assert.Contains("reaggregate", body);
    }

    [Fact]
    public async Task Reaggregate_TablesAndReportLost_RebuiltFromResultsJsonWithoutAskingRapidata()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "reaggregate-me");
        var start = await harness.StartRunAsync("reaggregate-me", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);
        var before = (await harness.RunRowAsync(start.RunId))!;
        var table = harness.Storage.Tables.GetTableClient(TableNames.MatchupResults);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == start.RunId))
            await table.DeleteEntityAsync(entity);
        await harness.Runs.GetBlobClient(RunBlobs.Report(start.RunId)).DeleteAsync();
        var rapidataCalls = harness.Emulator.Requests.Entries.Count;

        var (status, _) = await PostAsync(harness, start.RunId, "reaggregate");
        var done = await harness.Client.WaitForInstanceCompletionAsync(RunResumer.ReaggregateInstanceId(start.RunId), true,
            new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(202, status);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(40, await CountResultRowsAsync(harness, start.RunId));
        Assert.True((await harness.Runs.GetBlobClient(RunBlobs.Report(start.RunId)).ExistsAsync()).Value);
        var after = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal(RunStatus.Completed, after.Status);
        Assert.Equal(before.TotalVotes, after.TotalVotes);
        Assert.Equal(before.Winner, after.Winner);
        Assert.Equal(rapidataCalls, harness.Emulator.Requests.Entries.Count);
    }

    [Fact]
    public async Task Reaggregate_RunWithoutResults_409SayingResume()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01,
            new Dictionary<string, string?> { ["Preference:Deadline"] = "00:00:02" });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "reaggregate-nothing");
        var start = await harness.StartRunAsync("reaggregate-nothing", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Failed);

        var (status, body) = await PostAsync(harness, start.RunId, "reaggregate");

        Assert.Equal(409, status);
        Assert.Contains("resume", body);
    }

    private static async Task<int> CountResultRowsAsync(RunHarness harness, string runId)
    {
        var table = harness.Storage.Tables.GetTableClient(TableNames.MatchupResults);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == runId, select: ["RowKey"])) count++;
        return count;
    }

    private static async Task<(int Status, string Body)> PostAsync(RunHarness harness, string runId, string action, string query = "")
    {
        var request = HttpCall.Request(harness.Services, "POST", query: query);
        var functions = RunsHttpFunctionsTests.Functions(harness);
        var result = action == "resume"
            ? await functions.Resume(request, runId, harness.Client)
            : await functions.Reaggregate(request, runId, harness.Client);
        var (status, _, body) = await HttpCall.ExecuteAsync(request, result);
        return (status, body);
    }
}
