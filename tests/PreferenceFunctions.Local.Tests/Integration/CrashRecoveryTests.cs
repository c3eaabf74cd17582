using PreferenceFunctions.Emulator;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>kill -9 of the host process mid-run: a restarted host finishes the run, with one Rapidata order and no duplicates.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task HostKilled_DuringUploadsAndDuringDurableWait_RunCompletesWithOneOrder()
    {
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: 20); // 600 votes: ~30 s of waiting
        // Slow Rapidata calls stretch the upload phase so the first kill lands inside it.
        harness.Emulator.Options.Faults = new FaultOptions { Rules = [new EndpointFault { Endpoint = "*", LatencyMs = 150 }] };
        var first = await harness.StartHostAsync();
        var upload = await harness.DropSampleAsync();
        await harness.WaitForRunAsync(upload.RunId, r => r.Phase == RunPhase.Uploading, TimeSpan.FromMinutes(2), "the upload phase");
        first.Kill();
        harness.Emulator.Options.Faults = new FaultOptions();

        var second = await harness.StartHostAsync();
        await harness.WaitForRunAsync(upload.RunId, r => r.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromMinutes(2), "the durable wait");
        second.Kill();

        await harness.StartHostAsync();
        var run = await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(4));

        Assert.Equal(RunStatus.Completed, run!.Status);
        var order = Assert.Single(await harness.OrdersAsync());
        Assert.Equal(40, order.GetProperty("datapoints").GetInt32());
        var matchups = await harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None);
        Assert.Equal(40, matchups.Count);
        Assert.Equal(order.GetProperty("totalVotes").GetInt64(), matchups.Sum(m => m.Votes1 + m.Votes2 + m.BothVotes + m.NeitherVotes));
    }
}
