using Microsoft.DurableTask.Client;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Tests.Runs;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>POST /api/runs/{runId}/cancel: the run stops its own order; nothing keeps running or is left behind.</summary>
public sealed class CancelRunTests
{
    [Fact]
    public async Task Cancel_RunWaitingForCrowd_RunStopsItselfAndPausesTheOrder()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01);
        var (runId, orderId) = await StartWaitingRunAsync(harness, "cancel-pause");

        var (status, body) = await CancelAsync(harness, runId);

        Assert.Equal(202, status);
        Assert.StartsWith("paused", HttpCall.Json(body).GetProperty("order").GetString());
        var done = await harness.WaitAsync(runId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus); // stopped by itself, not terminated
        RunHarness.AssertOutcome(done, RunPhase.Cancelled);
        Assert.Equal(RunStatus.Cancelled, (await harness.RunRowAsync(runId))!.Status);
        Assert.Equal("Paused", harness.Emulator.GetOrderState(orderId));
    }

    [Fact]
    public async Task Cancel_ModeDelete_DeletesTheOrder()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01);
        var (runId, orderId) = await StartWaitingRunAsync(harness, "cancel-delete");

        var (status, _) = await CancelAsync(harness, runId, "?mode=delete");

        Assert.Equal(202, status);
        Assert.Equal("Cancelled", harness.Emulator.GetOrderState(orderId));
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "DELETE" && r.Path == $"/order/{orderId}");
    }

    [Fact]
    public async Task Cancel_JobFlowModeDelete_DeletesTheJob()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01, flow: Pipeline.Kernel.RapidataFlow.Jobs);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "cancel-job");
        var start = await harness.StartRunAsync("cancel-job", etag);
        var waiting = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            run => run?.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromSeconds(60), "the run to wait for the crowd");

        var (status, _) = await CancelAsync(harness, start.RunId, "?mode=delete");

        Assert.Equal(202, status);
        Assert.Equal(RunStatus.Cancelled, (await harness.RunRowAsync(start.RunId))!.Status);
        Assert.Equal("Cancelled", harness.Emulator.GetOrderState(waiting!.JobId!));
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "DELETE" && r.Path == $"/job/{waiting.JobId}");
    }

    [Fact]
    public async Task Cancel_RunDoesNotStopInTime_TerminatedAndTheOrderStoppedByTheApi()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01,
            new Dictionary<string, string?> { ["Preference:CancelTimeout"] = "00:00:00" });
        var (runId, orderId) = await StartWaitingRunAsync(harness, "cancel-terminate");

        var (status, _) = await CancelAsync(harness, runId, "?mode=delete");

        Assert.Equal(202, status);
        var done = await harness.WaitAsync(runId);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(RunStatus.Cancelled, (await harness.RunRowAsync(runId))!.Status);
        Assert.Equal("Cancelled", harness.Emulator.GetOrderState(orderId));
    }

    [Fact]
    public async Task Cancel_WhileTheOrderIsBeingCreated_NoOrderLeft()
    {
        // Creating the order takes 3 s: the cancel arrives while it is in flight.
        await using var harness = await RunHarness.StartAsync(e =>
        {
            e.Crowd.VotesPerSecond = 0.01;
            e.Faults.Rules = [new EndpointFault { Endpoint = "POST /order", LatencyMs = 3000 }];
        });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "cancel-race");
        var start = await harness.StartRunAsync("cancel-race", etag);
        await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId), r => r?.Phase == RunPhase.CreatingOrder,
            TimeSpan.FromSeconds(60), "the order to be created");

        var (status, _) = await CancelAsync(harness, start.RunId);

        Assert.Equal(202, status);
        var done = await harness.WaitAsync(start.RunId);
        RunHarness.AssertOutcome(done, RunPhase.Cancelled);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.NotNull(row.OrderId);
        Assert.Equal("Cancelled", harness.Emulator.GetOrderState(row.OrderId!)); // deleted: it was never submitted
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Path == $"/order/{row.OrderId}/submit");
        Assert.Equal(RunStatus.Cancelled, row.Status);
    }

    [Fact]
    public async Task Cancel_WhileUploading_TheChunkInFlightFinishesAndTheRowCountsEveryRapidataCall()
    {
        // Four chunks of 10 matchups one after the other, each image upload 150 ms: the cancel lands during the uploads.
        await using var harness = await RunHarness.StartAsync(e =>
        {
            e.Crowd.VotesPerSecond = 0.01;
            e.Faults.Rules = [new EndpointFault { Endpoint = "POST /asset/file", LatencyMs = 150 }];
        }, new Dictionary<string, string?> { ["Preference:Datasets:ChunkSize"] = "10", ["Preference:UploadConcurrency"] = "1" });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "cancel-uploading");
        var start = await harness.StartRunAsync("cancel-uploading", etag);
        await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId), r => r?.Phase == RunPhase.Uploading,
            TimeSpan.FromSeconds(60), "the uploads to start");

        var (status, _) = await CancelAsync(harness, start.RunId);

        Assert.Equal(202, status);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Cancelled);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.InRange(row.ChunksUploaded ?? 0, 1, 3);
        Assert.Equal("Cancelled", harness.Emulator.GetOrderState(row.OrderId!));
        // The chunks hand their calls to the orchestrator, which records them with the run's end when it ends before submit.
        var requests = harness.Emulator.Requests.Entries;
        Assert.True(row.UploadRapidataCalls > 0, "no upload calls on the row");
        Assert.Equal(requests.Count, row.RapidataCalls);
    }

    [Fact]
    public async Task Cancel_UnknownMode_400NamingIt()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01);
        var (runId, _) = await StartWaitingRunAsync(harness, "cancel-bad-mode");

        var (status, body) = await CancelAsync(harness, runId, "?mode=stop");

        Assert.Equal(400, status);
        Assert.Contains("mode", body);
        Assert.Equal(RunStatus.Running, (await harness.RunRowAsync(runId))!.Status);
    }

    private static async Task<(string RunId, string OrderId)> StartWaitingRunAsync(RunHarness harness, string dataset)
    {
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, dataset);
        var start = await harness.StartRunAsync(dataset, etag);
        var waiting = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            run => run?.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromSeconds(60), "the run to wait for the crowd");
        return (start.RunId, waiting!.OrderId!);
    }

    private static async Task<(int Status, string Body)> CancelAsync(RunHarness harness, string runId, string query = "")
    {
        var request = HttpCall.Request(harness.Services, "POST", query: query);
        var (status, _, body) = await HttpCall.ExecuteAsync(request,
            await RunsHttpFunctionsTests.Functions(harness).Cancel(request, runId, harness.Client));
        return (status, body);
    }
}
