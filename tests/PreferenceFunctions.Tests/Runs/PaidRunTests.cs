using System.Text.Json;
using Azure.Storage.Blobs.Specialized;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Once the order is submitted it is paid for: outages, deadlines and a failing report must not lose the run.</summary>
public sealed class PaidRunTests
{
    [Fact]
    public async Task Run_StatusEndpointDownLongerThanActivityRetries_WaitsAndSaysSoThenCompletes()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "outage");
        var start = await harness.StartRunAsync("outage", etag);
        var waiting = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromSeconds(60), "the wait for the crowd");

        // Every status check fails for longer than the activity retries (5 attempts, about 30 s) used to allow.
        harness.Emulator.Options.Faults.Rules =
            [new EndpointFault { Endpoint = "GET /order/{orderId}", ServiceUnavailableRate = 1, RetryAfterSeconds = 0 }];
        var unknown = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.Message?.StartsWith("State unknown", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60),
            "the run to say the state is unknown");
        await Task.Delay(TimeSpan.FromSeconds(35));
        var during = (await harness.RunRowAsync(start.RunId))!;
        harness.Emulator.Options.Faults.Rules = [];
        harness.Emulator.CompleteOrder(waiting!.OrderId!);
        var done = await harness.WaitAsync(start.RunId);

        Assert.Equal(RunStatus.Running, during.Status);
        Assert.Contains("503", unknown!.Message);
        RunHarness.AssertOutcome(done, RunPhase.Completed);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
        Assert.Equal(RunStatus.Completed, (await harness.RunRowAsync(start.RunId))!.Status);
    }

    [Fact]
    public async Task Run_DeadlinePasses_PausesTheOrderAndRecordsIt()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01,
            new Dictionary<string, string?> { ["Preference:Deadline"] = "00:00:03" });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "late");

        var start = await harness.StartRunAsync("late", etag);
        var done = await harness.WaitAsync(start.RunId);

        var result = RunHarness.AssertOutcome(done, RunPhase.Failed);
        Assert.Contains("deadline", result.Error);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.StartsWith("paused", row.OrderAbandoned);
        Assert.Contains("The order was paused", row.Error);
        Assert.Equal("Paused", harness.Emulator.GetOrderState(row.OrderId!));
    }

    [Fact]
    public async Task Run_DeadlineWithOnAbandonDelete_DeletesTheOrder()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01,
            new Dictionary<string, string?>
            {
                ["Preference:Deadline"] = "00:00:03", ["Preference:OnAbandon"] = nameof(OrderAbandonAction.Delete),
            });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "late-delete");

        var start = await harness.StartRunAsync("late-delete", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Failed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.StartsWith("deleted", row.OrderAbandoned);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "DELETE" && r.Path == $"/order/{row.OrderId}");
    }

    [Fact]
    public async Task Run_ReportCannotBeWritten_RunCompletedResultsWrittenReportErrorRecorded()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "no-report");
        var start = await harness.StartRunAsync("no-report", etag);
        var waiting = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromSeconds(60), "the wait for the crowd");

        // Someone holds a lease on the report blob: writing the report fails after the results are in the tables.
        var report = harness.Runs.GetBlobClient(RunBlobs.Report(start.RunId));
        await report.UploadAsync(BinaryData.FromString("locked"));
        await report.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(-1));
        harness.Emulator.CompleteOrder(waiting!.OrderId!);
        var done = await harness.WaitAsync(start.RunId);

        var result = RunHarness.AssertOutcome(done, RunPhase.Completed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal(RunStatus.Completed, row.Status);
        Assert.NotNull(row.ReportError);
        Assert.Null(row.ReportBlob);
        Assert.Equal(result.MatchupCount, row.MatchupCount);
        Assert.True(row.TotalVotes > 0);
    }

    [Fact]
    public async Task Run_CrowdStillVoting_StatusCountsDecidedMatchupsNeverAll()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 30, flow: RapidataFlow.Jobs);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "progress");
        var start = await harness.StartRunAsync("progress", etag);

        var voting = await Eventually.GetAsync(async () =>
            {
                var instance = await harness.Client.GetInstanceAsync(start.RunId, getInputsAndOutputs: true);
                return instance?.SerializedCustomStatus is { } json ? JsonSerializer.Deserialize<RunProgress>(json) : null;
            }, p => p is { Phase: RunPhase.WaitingForCrowd, Message: { } m } && m.Contains("matchups done", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90), "the status to count decided matchups");
        var done = await harness.WaitAsync(start.RunId, TimeSpan.FromMinutes(2));

        // Done/Total are the matchups the crowd has decided, as Rapidata reports them: not all of them while it votes.
        Assert.Equal(40, voting!.Total);
        Assert.True(voting.Done < voting.Total, $"{voting.Done} of {voting.Total}: {voting.Message}");
        Assert.Contains($"{voting.Done} of 40 matchups done", voting.Message);
        RunHarness.AssertOutcome(done, RunPhase.Completed);
    }
}
