using System.Net;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>The job state machine (AudienceJobState): Submitted, Running, Completed; ManualApproval, SpendLimited and
/// StaleResults and their way out; pause, resume and delete. ApiClient checks every body against the contract.</summary>
public sealed class JobStateMachineTests
{
    [Fact]
    public async Task Job_CrowdVotes_GoesSubmittedRunningCompletedWithProgressAndResults()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond(TimeSpan.FromSeconds(1)), clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await JobFlows.StartAsync(api, "flux vs sd3 [run-1]", pairs: 2);

        var submitted = await JobFlows.StateAsync(api, ids.JobId);
        clock.Advance(TimeSpan.FromSeconds(16));
        var running = await JobFlows.StateAsync(api, ids.JobId);
        var progress = await api.OkAsync("GET", "/job/{jobId}/progress", $"/job/{ids.JobId}/progress");
        clock.Advance(TimeSpan.FromSeconds(15));
        var completed = await JobFlows.StateAsync(api, ids.JobId);
        var results = (await api.SendAsync("GET", "/job/{jobId}/download-results", $"/job/{ids.JobId}/download-results")).Json;

        Assert.Equal(["Submitted", "Running", "Completed"], new[] { submitted, running, completed });
        Assert.Equal(("Labeling", 2L, 1L), (progress["state"]!.GetValue<string>(), progress["total"]!.GetValue<long>(),
            progress["completed"]!.GetValue<long>()));
        Assert.Equal(2, results["results"]!.AsArray().Count);
        Assert.Equal(30, results["results"]!.AsArray().Sum(r => r!["aggregatedResults"]!.AsObject().Sum(v => v.Value!.GetValue<int>())));
    }

    [Fact]
    public async Task Job_ManualReviewOutcome_WaitsInManualApprovalWithReasonUntilApproved()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Instant(OrderOutcome.ManualReview));
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await JobFlows.StartAsync(api, "held", pairs: 1);

        var held = await api.OkAsync("GET", "/job/{jobId}", $"/job/{ids.JobId}");
        await JobFlows.CommandAsync(api, ids.JobId, "approve");
        var approved = await JobFlows.StateAsync(api, ids.JobId);

        Assert.Equal("ManualApproval", held["state"]!.GetValue<string>());
        Assert.Equal("ContentFlagged", held["reviewReason"]!.GetValue<string>());
        Assert.Equal("Completed", approved);
    }

    [Fact]
    public async Task Job_SpendLimitedOutcome_WaitsUntilResumed()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Instant(OrderOutcome.SpendLimited));
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await JobFlows.StartAsync(api, "no funds", pairs: 1);

        var limited = await JobFlows.StateAsync(api, ids.JobId);
        var progress = await api.OkAsync("GET", "/job/{jobId}/progress", $"/job/{ids.JobId}/progress");
        await JobFlows.CommandAsync(api, ids.JobId, "resume");
        var resumed = await JobFlows.StateAsync(api, ids.JobId);

        Assert.Equal("SpendLimited", limited);
        Assert.Equal("Paused", progress["state"]!.GetValue<string>());
        Assert.Equal("Completed", resumed);
    }

    [Fact]
    public async Task Job_StaleResultsOnFirstDownload_Answers400UntilRetried()
    {
        var options = Instant(OrderOutcome.Complete);
        options.Faults.StaleResultsOnFirstDownload = true;
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await JobFlows.StartAsync(api, "stale", pairs: 1);
        const string download = "/job/{jobId}/download-results";

        var first = await api.SendAsync("GET", download, $"/job/{ids.JobId}/download-results");
        var stale = await JobFlows.StateAsync(api, ids.JobId);
        await JobFlows.CommandAsync(api, ids.JobId, "retry");
        var second = await api.SendAsync("GET", download, $"/job/{ids.JobId}/download-results");

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Contains("/job/{jobId}/retry", first.Body, StringComparison.Ordinal);
        Assert.Equal("StaleResults", stale);
        Assert.Equal(HttpStatusCode.OK, second.Status);
    }

    [Fact]
    public async Task Job_PausedThenResumed_StandsStillWhilePaused()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond(TimeSpan.Zero), clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await JobFlows.StartAsync(api, "paused", pairs: 1);

        await JobFlows.CommandAsync(api, ids.JobId, "pause");
        clock.Advance(TimeSpan.FromMinutes(5));
        var paused = await JobFlows.StateAsync(api, ids.JobId);
        await JobFlows.CommandAsync(api, ids.JobId, "resume");
        clock.Advance(TimeSpan.FromSeconds(15));
        var done = await JobFlows.StateAsync(api, ids.JobId);

        Assert.Equal("Paused", paused);
        Assert.Equal("Completed", done);
    }

    [Fact]
    public async Task Job_Deleted_Answers404AndIsNoLongerListed()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond(TimeSpan.Zero));
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await JobFlows.StartAsync(api, "doomed [run-7]", pairs: 1);
        var listedBefore = await api.OkAsync("GET", "/jobs", "/jobs?name%5Bcontains%5D=%5Brun-7%5D");

        await api.NoContentAsync("DELETE", "/job/{jobId}", $"/job/{ids.JobId}");
        var after = await api.SendAsync("GET", "/job/{jobId}", $"/job/{ids.JobId}");
        var listedAfter = await api.OkAsync("GET", "/jobs", "/jobs?name%5Bcontains%5D=%5Brun-7%5D");

        Assert.Equal(ids.JobId, Assert.Single(listedBefore["items"]!.AsArray())!["jobId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Empty(listedAfter["items"]!.AsArray());
        Assert.Equal("Cancelled", emulator.GetOrderState(ids.JobId));
    }

    [Fact]
    public async Task JobDefinitions_ByName_FoundWithCostEstimateOfAllResponses()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond(TimeSpan.Zero));
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await JobFlows.StartAsync(api, "priced [run-9]", pairs: 3, votes: 10);

        var found = await api.OkAsync("GET", "/job/definitions", "/job/definitions?name%5Bcontains%5D=run-9&sort=-created_at");
        var cost = await api.OkAsync("GET", "/job/definition/{definitionId}/cost-estimate", $"/job/definition/{ids.DefinitionId}/cost-estimate");

        Assert.Equal(ids.DefinitionId, Assert.Single(found["items"]!.AsArray())!["definitionId"]!.GetValue<string>());
        Assert.Equal((3L, 30L), (cost["datapointCount"]!.GetValue<long>(), cost["requiredResponses"]!.GetValue<long>()));
        Assert.Equal(30 * 0.01, cost["estimatedCost"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task CreateJob_UnknownAudienceOrEmptyDataset_Answers400NamingTheField()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond(TimeSpan.Zero));
        using var api = await ApiClient.ConnectAsync(emulator);
        var datasetId = (await api.OkAsync("POST", "/dataset", "/dataset", new JsonObject { ["name"] = "empty" }))["datasetId"]!.GetValue<string>();
        var definitionId = (await api.OkAsync("POST", "/job/definition", "/job/definition", JobFlows.DefinitionBody("empty", datasetId)))
            ["definitionId"]!.GetValue<string>();

        var empty = await api.SendAsync("POST", "/job", "/job", new JsonObject { ["jobDefinitionId"] = definitionId, ["audienceId"] = "global" });
        var unknown = await api.SendAsync("POST", "/job", "/job", new JsonObject { ["jobDefinitionId"] = definitionId, ["audienceId"] = "nobody" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.NotNull(empty.Json["errors"]!["$.jobDefinitionId"]);
        Assert.NotNull(unknown.Json["errors"]!["$.audienceId"]);
    }

    private static EmulatorOptions OneVotePerSecond(TimeSpan review) => new() { Crowd = { VotesPerSecond = 1, ReviewDelay = review } };

    private static EmulatorOptions Instant(OrderOutcome outcome) =>
        new() { Crowd = { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero }, Faults = { Outcome = outcome } };
}
