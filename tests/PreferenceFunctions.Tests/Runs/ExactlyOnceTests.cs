using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Activities;
using PreferenceFunctions.Pipeline.Datasets.Settings;
using PreferenceFunctions.Pipeline.Storage;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Activities run again after a crash must not repeat their effect at Rapidata.</summary>
public sealed class ExactlyOnceTests
{
    private static readonly OrderSettings Settings = new("exactly-once", "Which image fits the description better?", 3, null, null, null,
        Array.Empty<JsonObject>(), Array.Empty<FeatureFlag>(), new RefereeSettings(RefereeKind.Naive, null), null);

    [Fact]
    public async Task CreateOrder_CrashAfterCreateBeforeRecording_RetryAdoptsTheSameOrder()
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

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
        Assert.Equal(first.OrderId, (await harness.RunRowAsync(runId))!.OrderId);
    }
}
