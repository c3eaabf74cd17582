using PreferenceFunctions.Emulator;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Whole runs in the job flow (the default) and the choice of flow by order.json, on the emulator and Azurite.</summary>
public sealed class JobFlowRunTests
{
    [Fact]
    public async Task Run_DefaultFlow_RunsAsAJobAndWritesTheTables()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "jobs");

        var start = await harness.StartRunAsync("jobs", etag);
        var done = await harness.WaitAsync(start.RunId);

        var result = RunHarness.AssertOutcome(done, RunPhase.Completed);
        Assert.Equal(40, result.MatchupCount);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal((RapidataFlow.Jobs, RunStatus.Completed, "Completed"), (row.Flow, row.Status, row.JobState));
        Assert.Equal(row.JobId, row.OrderId);
        Assert.Equal("global", row.AudienceId);
        Assert.Equal(40 * 15 * 0.01, row.EstimatedCost!.Value, 9); // the emulator's price per response
        var calls = harness.Emulator.Requests.Entries.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Contains("POST /dataset", calls);
        Assert.Contains("POST /job/definition", calls);
        Assert.Contains("GET /audience/global", calls);
        Assert.Contains("POST /job", calls);
        Assert.Contains($"GET /job/{row.JobId}/download-results", calls);
        Assert.DoesNotContain(calls, c => c.Contains("/order", StringComparison.Ordinal) || c.Contains("/pipeline/", StringComparison.Ordinal));
        var rows = await harness.Storage.Tables.GetTableClient(TableNames.MatchupResults)
            .QueryAsync<MatchupResultEntity>(e => e.PartitionKey == start.RunId).ToListAsync();
        Assert.Equal(40, rows.Count);
        Assert.Equal(40 * 15, rows.Sum(r => r.Votes1 + r.Votes2 + r.BothVotes + r.NeitherVotes));
    }

    [Fact]
    public async Task Run_OrderJsonFlowOrders_UsesTheOrderFlow()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var folder = SampleCopy.With(orderJson: """{"name": "Benchmark Demo", "flow": "orders"}""");
        var etag = await harness.UploadDatasetAsync(folder, "orders");

        var start = await harness.StartRunAsync("orders", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.Equal(RapidataFlow.Orders, row.Flow);
        Assert.Null(row.JobId);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Path.StartsWith("/job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CustomAudienceInOrderJson_CreatesRecruitsAndUsesIt()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var folder = SampleCopy.With(orderJson: """
            { "name": "Benchmark Demo", "audience": { "name": "prompt experts", "targetAccuracy": 0.8, "minTasks": 5,
              "filters": [ { "_t": "CountryFilter", "countries": ["DE", "US"] } ] } }
            """);
        var etag = await harness.UploadDatasetAsync(folder, "custom");

        var start = await harness.StartRunAsync("custom", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        var create = Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/audience");
        Assert.Contains($"prompt experts [{start.RunId}]", create.Body, StringComparison.Ordinal);
        Assert.Contains("CountryFilter", create.Body, StringComparison.Ordinal);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Path == $"/audience/{row.AudienceId}/recruit");
        Assert.Contains(harness.Emulator.Requests.Entries, r => r.Path == "/job" && r.Body!.Contains(row.AudienceId!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OrderOutcome.ManualReview, "ManualApproval", OrderState.ManualReview, "manual approval (ContentFlagged)")]
    [InlineData(OrderOutcome.SpendLimited, "SpendLimited", OrderState.Paused, "spend-limited")]
    public async Task Run_JobWaitsForAPerson_SaysSoThenCompletes(OrderOutcome outcome, string jobState, OrderState orderState, string says)
    {
        await using var harness = await RunHarness.StartAsync(e => e.Faults.Outcome = outcome, flow: RapidataFlow.Jobs);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "waits");
        var start = await harness.StartRunAsync("waits", etag);

        var row = await Eventually.GetAsync(() => harness.RunRowAsync(start.RunId),
            r => r?.JobState == jobState && r.Message is not null && r.Message.Contains(says, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), $"the run to say {says}");
        harness.Emulator.CompleteOrder(row!.JobId!);
        var done = await harness.WaitAsync(start.RunId);

        Assert.Equal((RunPhase.WaitingForCrowd, orderState), (row.Phase, row.OrderState));
        RunHarness.AssertOutcome(done, RunPhase.Completed);
    }

    [Fact]
    public async Task Run_JobStaleResultsOnFirstDownload_RetriesTheJobAndCompletes()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Faults.StaleResultsOnFirstDownload = true, flow: RapidataFlow.Jobs);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "stale");

        var start = await harness.StartRunAsync("stale", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == $"/job/{row.JobId}/retry");
        Assert.Equal(2, harness.Emulator.Requests.Entries.Count(r => r.Path == $"/job/{row.JobId}/download-results"));
    }

    [Fact]
    public async Task Run_JobDeadlineWithOnAbandonDelete_DeletesTheJob()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01,
            new Dictionary<string, string?>
            {
                ["Preference:Deadline"] = "00:00:03", ["Preference:OnAbandon"] = nameof(OrderAbandonAction.Delete),
            }, RapidataFlow.Jobs);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "late-job");

        var start = await harness.StartRunAsync("late-job", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Failed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.StartsWith("deleted", row.OrderAbandoned);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "DELETE" && r.Path == $"/job/{row.JobId}");
        Assert.Equal("Cancelled", harness.Emulator.GetOrderState(row.JobId!));
    }
}
