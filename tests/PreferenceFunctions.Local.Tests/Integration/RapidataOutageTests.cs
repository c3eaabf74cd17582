using PreferenceFunctions.Emulator;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>
/// Every Rapidata endpoint (the token endpoint included) answers 500 for 10 minutes of wall time while a paid run waits
/// for its crowd: the run keeps waiting, says the state is unknown, and completes afterwards with one order and the same
/// numbers as a run that saw no outage.
/// </summary>
public sealed class RapidataOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task EveryEndpointDownForTenMinutesDuringTheWait_RunCompletesWithTheSameNumbers()
    {
        var withoutOutage = await VotesPerMatchupAsync(outage: false);
        var withOutage = await VotesPerMatchupAsync(outage: true);

        Assert.Equal(40, withOutage.Count);
        Assert.Equal(withoutOutage, withOutage);
    }

    /// <summary>One run of the sample on a fresh emulator (same crowd seed each time); its votes per matchup id.</summary>
    private static async Task<SortedDictionary<string, (int, int)>> VotesPerMatchupAsync(bool outage)
    {
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: outage ? 2 : 0); // 600 votes: 5 minutes
        await harness.StartHostAsync();
        var upload = await harness.DropSampleAsync();
        if (outage)
        {
            await harness.WaitForRunAsync(upload.RunId, r => r.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromMinutes(2), "the wait");
            var window = harness.Emulator.AddOutage(OutageWindow.AllEndpoints, TimeSpan.Zero, Outage, status: 500);
            var unknown = await harness.WaitForRunAsync(upload.RunId,
                r => r.Message?.StartsWith("State unknown", StringComparison.Ordinal) == true, TimeSpan.FromMinutes(2),
                "the run to say the state is unknown");
            Assert.Contains("500", unknown!.Message);
            // Halfway through the outage and again near its end the run is still waiting, never failed.
            foreach (var checkpoint in new[] { window.StartsAt!.Value + (Outage / 2), window.EndsAt!.Value - TimeSpan.FromSeconds(30) })
            {
                var wait = checkpoint - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var during = await harness.Runs.GetAsync(upload.RunId);
                Assert.Equal(RunStatus.Running, during!.Status);
                Assert.Equal(RunPhase.WaitingForCrowd, during.Phase);
            }
        }
        var run = await harness.WaitForEndAsync(upload.RunId, outage ? Outage : TimeSpan.FromMinutes(3));

        Assert.Equal(RunStatus.Completed, run!.Status);
        var order = Assert.Single(await harness.OrdersAsync());
        Assert.Equal<long?>(order.GetProperty("totalVotes").GetInt64(), run.TotalVotes);
        var matchups = await harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None);
        return new SortedDictionary<string, (int, int)>(matchups.ToDictionary(m => m.Matchup.Id, m => (m.Votes1, m.Votes2)), StringComparer.Ordinal);
    }
}
