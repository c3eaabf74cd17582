using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceFunctions.Functions;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>The blob trigger, called as the Functions host would call it for an Event Grid BlobCreated event.</summary>
public sealed class DatasetBlobTriggerTests
{
    [Fact]
    public async Task OnDatasetUploaded_EventDeliveredTwice_StartsExactlyOneRun()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "dropped");
        var trigger = new DatasetBlobTrigger(harness.Services.GetRequiredService<RunStarter>(), NullLogger<DatasetBlobTrigger>.Instance);
        var csv = harness.Datasets.GetBlobClient("dropped/matchups.csv");

        await trigger.RunAsync(csv, "dropped", harness.Client, CancellationToken.None);
        await trigger.RunAsync(csv, "dropped", harness.Client, CancellationToken.None);

        var runId = RunIds.ForDatasetVersion(harness.DatasetsContainer, "dropped", etag);
        var done = await harness.WaitAsync(runId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
        var instances = await harness.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "dropped" }).ToListAsync();
        Assert.Single(instances, i => i.Name == nameof(PreferenceRunOrchestrator));
    }

    [Fact]
    public async Task OnDatasetUploaded_NewVersionOfTheCsv_StartsASecondRun()
    {
        await using var harness = await RunHarness.StartAsync();
        var firstETag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "changed");
        var trigger = new DatasetBlobTrigger(harness.Services.GetRequiredService<RunStarter>(), NullLogger<DatasetBlobTrigger>.Instance);
        var csv = harness.Datasets.GetBlobClient("changed/matchups.csv");
        await trigger.RunAsync(csv, "changed", harness.Client, CancellationToken.None);

        var secondETag = (await csv.UploadAsync(Path.Combine(RunHarness.SamplePath, "matchups.csv"), overwrite: true)).Value.ETag.ToString();
        await trigger.RunAsync(csv, "changed", harness.Client, CancellationToken.None);

        var first = RunIds.ForDatasetVersion(harness.DatasetsContainer, "changed", firstETag);
        var second = RunIds.ForDatasetVersion(harness.DatasetsContainer, "changed", secondETag);
        Assert.NotEqual(first, second);
        Assert.NotNull(await harness.Client.GetInstanceAsync(first));
        Assert.NotNull(await harness.Client.GetInstanceAsync(second));
        await harness.WaitAsync(first);
        await harness.WaitAsync(second);
    }
}
