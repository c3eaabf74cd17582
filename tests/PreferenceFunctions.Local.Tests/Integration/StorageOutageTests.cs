using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>Storage goes away while a paid run waits for its crowd (Azurite stopped, started again later): the run completes.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task AzuriteStoppedAndRestartedDuringTheWait_RunCompletesWithOneOrder()
    {
        await using var storage = await RestartableAzurite.StartAsync();
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: 10, storage.ConnectionString); // 600 votes: ~60 s
        var host = await harness.StartHostAsync();
        var upload = await harness.DropSampleAsync();
        await harness.WaitForRunAsync(upload.RunId, r => r.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromMinutes(2), "the wait");

        await storage.StopAsync();
        // Longer than the activity retries (5 attempts, about 30 s) and the durable engine's lease interval (10 s here).
        await Task.Delay(TimeSpan.FromSeconds(45));
        Assert.False(host.HasExited, "serve exited during the storage outage:\n" + host.Output);
        await storage.StartAgainAsync();
        var run = await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(4));

        Assert.Equal(RunStatus.Completed, run!.Status);
        var order = Assert.Single(await harness.OrdersAsync());
        Assert.Equal<long?>(order.GetProperty("totalVotes").GetInt64(), run.TotalVotes);
        var matchups = await harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None);
        Assert.Equal(40, matchups.Count);
        Assert.Equal(run.TotalVotes, matchups.Sum(m => m.Votes1 + m.Votes2 + m.BothVotes + m.NeitherVotes));
    }
}
