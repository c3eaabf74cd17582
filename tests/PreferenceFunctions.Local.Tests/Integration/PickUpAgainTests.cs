using PreferenceFunctions.Local.Commands;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>cancel, resume and reaggregate from the CLI against <c>serve</c> (durable engine on Azurite).</summary>
public sealed class PickUpAgainTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task CancelThenResumeThenReaggregate_FromTheCli_OneOrderCompletedAndRebuilt()
    {
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: 0.01);
        var host = await harness.StartHostAsync();
        var upload = await harness.DropSampleAsync();
        var waiting = await harness.WaitForRunAsync(upload.RunId, r => r.Phase == RunPhase.WaitingForCrowd, RunTimeout, "the wait");
        var api = host.BaseAddress.ToString();

        // A scenario: each step is checked before the next one starts.
        Assert.Equal(0, await RunActionCommands.Cancel().Parse([upload.RunId, "--api", api]).InvokeAsync());
        Assert.Equal(RunStatus.Cancelled, (await harness.WaitForEndAsync(upload.RunId, RunTimeout))!.Status);
        Assert.Equal("Paused", harness.Emulator.GetOrderState(waiting!.OrderId!));

        Assert.Equal(0, await RunActionCommands.Resume().Parse([upload.RunId, "--api", api, "--deadline", "00:10:00"]).InvokeAsync());
        await harness.WaitForRunAsync(upload.RunId, r => r.Status == RunStatus.Running, RunTimeout, "the resumed run");
        await Testing.Eventually.GetAsync(() => Task.FromResult(harness.Emulator.GetOrderState(waiting.OrderId!)),
            s => s == "Processing", RunTimeout, "the order to be resumed");
        harness.Emulator.CompleteOrder(waiting.OrderId!);
        Assert.Equal(RunStatus.Completed, (await harness.WaitForEndAsync(upload.RunId, RunTimeout))!.Status);

        Assert.Equal(0, await RunActionCommands.Reaggregate().Parse([upload.RunId, "--api", api]).InvokeAsync());
        // A completed run is not resumed: the API answers 409 and says to reaggregate.
        Assert.Equal(1, await RunActionCommands.Resume().Parse([upload.RunId, "--api", api]).InvokeAsync());
        Assert.Single(await harness.OrdersAsync());
        await Testing.Eventually.GetAsync(() => harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None),
            rows => rows.Count == 40, RunTimeout, "40 result rows after reaggregate");
        Assert.Equal(RunStatus.Completed, (await harness.Runs.GetAsync(upload.RunId))!.Status);
    }
}
