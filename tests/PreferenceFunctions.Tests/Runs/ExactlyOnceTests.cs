using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Steps.Upload;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Activities run again after a crash must not repeat their effect at Rapidata.</summary>
public sealed class ExactlyOnceTests
{
    private static readonly OrderSettings Settings = new("exactly-once", "Which image fits the description better?", 3, null, null, null,
        Array.Empty<JsonObject>(), Array.Empty<FeatureFlag>(), new RefereeSettings(RefereeKind.Naive, null), null);

    [Fact]
    public async Task CreateOrder_CrashAfterCreateBeforeRecording_RetryDeletesTheLostOrderAndRecordsOne()
    {
        await using var harness = await RunHarness.StartAsync();
        var runId = "exactly-once-" + Guid.NewGuid().ToString("N")[..8];
        var activity = ActivatorUtilities.CreateInstance<CreateOrderActivity>(harness.Services);
        ITaskActivity task = activity;

        var first = (OrderReference)(await task.RunAsync(new TestActivityContext(nameof(CreateOrderActivity), runId), new CreateOrderInput(runId, Settings)))!;
        // The crash: the order exists at Rapidata, but the run row never learned about it.
        var row = await harness.RunRowAsync(runId);
        await harness.Storage.Tables.GetTableClient(TableNames.PreferenceRuns).DeleteEntityAsync(row!.PartitionKey, row.RowKey);
        var second = (OrderReference)(await task.RunAsync(new TestActivityContext(nameof(CreateOrderActivity), runId), new CreateOrderInput(runId, Settings)))!;
        var third = (OrderReference)(await task.RunAsync(new TestActivityContext(nameof(CreateOrderActivity), runId), new CreateOrderInput(runId, Settings)))!;

        // The lost order was never submitted and its dataset id was only in the lost response: it is deleted, not adopted.
        Assert.NotEqual(first.OrderId, second.OrderId);
        Assert.Equal(second, third);
        Assert.Equal("Cancelled", harness.Emulator.GetOrderState(first.OrderId));
        Assert.Equal(2, harness.Emulator.Requests.Entries.Count(r => r.Method == "POST" && r.Path == "/order"));
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Path.StartsWith("/pipeline/", StringComparison.Ordinal));
        Assert.Equal(second.OrderId, (await harness.RunRowAsync(runId))!.OrderId);
    }

    [Fact]
    public async Task SubmitOrder_JobFlowCrashAfterJobCreatedBeforeRecording_RetryAdoptsTheJobByName()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Faults.Outcome = PreferenceFunctions.Emulator.OrderOutcome.ManualReview,
            flow: RapidataFlow.Jobs);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "job-twice");
        var runId = "job-twice-" + Guid.NewGuid().ToString("N")[..8];
        var (staged, dataset) = await harness.StageAndCreateOrderAsync("job-twice", runId);
        ITaskActivity upload = ActivatorUtilities.CreateInstance<UploadChunkActivity>(harness.Services);
        await upload.RunAsync(new TestActivityContext("upload", runId), new UploadChunkInput(runId, harness.DatasetsContainer, "job-twice",
            harness.RunsContainer, staged.ChunkBlobNames[0], 0, dataset.DatasetId));
        ITaskActivity submit = ActivatorUtilities.CreateInstance<SubmitOrderActivity>(harness.Services);
        var step = new OrderStep(runId, dataset.OrderId, dataset.Flow);

        await submit.RunAsync(new TestActivityContext("submit", runId), step);
        var jobId = (await harness.RunRowAsync(runId))!.JobId!;
        // The crash: the job and its definition exist at Rapidata, the run's row never learned about them.
        var row = (await harness.RunRowAsync(runId))!;
        row.JobId = null;
        row.JobDefinitionId = null;
        await harness.Storage.Tables.GetTableClient(TableNames.PreferenceRuns).UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        await submit.RunAsync(new TestActivityContext("submit", runId), step);

        Assert.Equal(RapidataFlow.Jobs, dataset.Flow);
        Assert.Equal(jobId, (await harness.RunRowAsync(runId))!.JobId);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/job");
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/job/definition");
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Path == "/order" || r.Path.StartsWith("/pipeline/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadChunk_CrashAfterDatapointsBeforeRecord_RetryCreatesNoDuplicates()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "upload-twice");
        var runId = "upload-twice-" + Guid.NewGuid().ToString("N")[..8];
        var (staged, order) = await harness.StageAndCreateOrderAsync("upload-twice", runId);
        ITaskActivity upload = ActivatorUtilities.CreateInstance<UploadChunkActivity>(harness.Services);
        var input = new UploadChunkInput(runId, harness.DatasetsContainer, "upload-twice", harness.RunsContainer, staged.ChunkBlobNames[0], 0, order.DatasetId);

        var first = (UploadChunkResult)(await upload.RunAsync(new TestActivityContext("upload", runId), input))!;
        // The crash: every datapoint was created, but the chunk's record was never written.
        await harness.Runs.DeleteBlobAsync(RunBlobs.UploadedChunk(runId, 0));
        var second = (UploadChunkResult)(await upload.RunAsync(new TestActivityContext("upload", runId), input))!;

        Assert.Equal(staged.MatchupCount, first.DatapointsCreated);
        Assert.Equal(0, second.DatapointsCreated);
        Assert.Equal(0, second.AssetsUploaded);
        Assert.Equal(staged.MatchupCount, harness.Emulator.Requests.Entries.Count(r => r.Method == "POST" && r.Path.EndsWith("/datapoint", StringComparison.Ordinal)));
        Assert.True(await harness.Runs.GetBlobClient(RunBlobs.UploadedChunk(runId, 0)).ExistsAsync());
    }
}
