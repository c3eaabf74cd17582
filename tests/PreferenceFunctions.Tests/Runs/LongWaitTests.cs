using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>A wait of days must not grow the run's history: the wait continues as new.</summary>
public sealed class LongWaitTests
{
    /// <summary>A 7-day wait at a 5-minute poll is 2,016 status checks.</summary>
    private const int SevenDaysOfPolls = 7 * 24 * 60 / 5;

    [Fact]
    public async Task Run_SevenDaysOfPolls_HistoryStaysBoundedAndRunCompletes()
    {
        // Virtual days: every check is a poll of the 5-minute kind, only the interval is shrunk to a millisecond.
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.0001,
            new Dictionary<string, string?>
            {
                ["Preference:PollInterval"] = "00:00:00.001", ["Preference:MaxPollInterval"] = "00:00:00.001",
            });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "long-wait");
        var start = await harness.StartRunAsync("long-wait", etag);
        var waiting = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.Phase == RunPhase.WaitingForCrowd || r?.Status?.IsTerminal() == true, TimeSpan.FromSeconds(60),
            "the wait for the crowd");
        Assert.True(waiting!.Phase == RunPhase.WaitingForCrowd, $"{waiting.Phase}: {waiting.Error}");

        var largestHistory = 0;
        await Eventually.GetAsync(async () =>
        {
            largestHistory = Math.Max(largestHistory, (await harness.Client.GetOrchestrationHistoryAsync(start.RunId)).Count);
            return StatusChecks(harness, waiting!.OrderId!);
        }, checks => checks >= SevenDaysOfPolls, TimeSpan.FromMinutes(5), $"{SevenDaysOfPolls} status checks");
        harness.Emulator.CompleteOrder(waiting!.OrderId!);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        var history = await harness.Client.GetOrchestrationHistoryAsync(start.RunId);
        var input = done.ReadInputAs<RunRequest>()!;
        Assert.True(input.Waiting!.Generation >= SevenDaysOfPolls / CrowdWaiter.PollsPerGeneration,
            $"generation {input.Waiting.Generation}");
        // One generation: a few events per check and a few dozen for the tail; never the thousands a single history would hold.
        var bound = CrowdWaiter.PollsPerGeneration * 6 + 60;
        Assert.True(largestHistory <= bound, $"largest history seen {largestHistory} events, bound {bound}");
        Assert.True(history.Count <= bound, $"final history {history.Count} events");
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
        Assert.Equal(RunStatus.Completed, (await harness.RunRowAsync(start.RunId))!.Status);
    }

    private static int StatusChecks(RunHarness harness, string orderId) =>
        harness.Emulator.Requests.Entries.Count(r => r.Method == "GET" && r.Path == $"/order/{orderId}");
}
