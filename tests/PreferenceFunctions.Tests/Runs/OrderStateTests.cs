using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Testing;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>The monitor loop in every waiting state, and a flaky API.</summary>
public sealed class OrderStateTests
{
    [Fact]
    public async Task Run_ManualReview_WaitsAndSaysSoThenCompletesWhenApproved()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Faults.Outcome = OrderOutcome.ManualReview);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "review");
        var start = await harness.StartRunAsync("review", etag);

        var row = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.OrderState == OrderState.ManualReview, TimeSpan.FromSeconds(60), "the run to show ManualReview");
        Assert.Contains("reviewing the order by hand", row!.Message);
        Assert.Equal(RunPhase.WaitingForCrowd, row.Phase);

        harness.Emulator.CompleteOrder((await harness.RunRowAsync(start.RunId))!.OrderId!);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
    }

    [Fact]
    public async Task Run_PausedThenResumed_WaitsWhilePausedThenCompletes()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 200);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "paused");
        var start = await harness.StartRunAsync("paused", etag);
        var waiting = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromSeconds(60), "the wait for the crowd");
        var rapidata = harness.Services.GetRequiredService<RapidataClient>();

        await rapidata.PauseOrderAsync(waiting!.OrderId!);
        var paused = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.Message?.Contains("paused", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30), "the run to say paused");
        Assert.Equal(OrderState.Paused, paused!.OrderState);
        Assert.True((await harness.Client.GetInstanceAsync(start.RunId))!.IsRunning);
        await rapidata.ResumeOrderAsync(waiting.OrderId!);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
    }

    [Fact]
    public async Task Run_ApiAnswers429And503Often_CompletesWithOneOrderAndEveryDatapoint()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Faults.Rules.Add(new EndpointFault
        {
            Endpoint = "*", TooManyRequestsRate = 0.1, ServiceUnavailableRate = 0.1, RetryAfterSeconds = 0,
        }));
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "flaky");

        var start = await harness.StartRunAsync("flaky", etag);
        var done = await harness.WaitAsync(start.RunId, TimeSpan.FromMinutes(3));

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        var entries = harness.Emulator.Requests.Entries;
        Assert.Contains(entries, r => r.Status is 429 or 503);
        Assert.Single(entries, r => r.Method == "POST" && r.Path == "/order" && r.Status == 200);
        Assert.Equal(40, entries.Count(r => r.Method == "POST" && r.Path.EndsWith("/datapoint", StringComparison.Ordinal) && r.Status == 200));
    }
}
