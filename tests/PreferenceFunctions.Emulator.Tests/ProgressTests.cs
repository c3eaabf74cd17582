using System.Net;
using System.Text.Json.Nodes;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>GET /workflow/{workflowId}/progress follows the crowd (completed datapoints of total, WorkflowState);
/// GET /dataset/{datasetId}/progress is the dataset's upload progress. ApiClient checks every body against the contract.</summary>
public sealed class ProgressTests
{
    private const string WorkflowProgress = "/workflow/{workflowId}/progress";

    [Fact]
    public async Task WorkflowProgress_WhileTheCrowdVotes_GrowsDatapointByDatapointToTheTotal()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond(), clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("progress"));
        await CompareOrders.AddPairsAsync(api, ids.DatasetId, CompareOrders.Pairs(4));
        var workflowId = await WorkflowIdAsync(api, ids.PipelineId);

        var created = await ProgressAsync(api, workflowId);
        await api.NoContentAsync("POST", "/order/{orderId}/submit", $"/order/{ids.OrderId}/submit");
        var atStart = await ProgressAsync(api, workflowId);
        clock.Advance(TimeSpan.FromSeconds(14));
        var fourteenVotes = await ProgressAsync(api, workflowId);
        clock.Advance(TimeSpan.FromSeconds(1));
        var fifteenVotes = await ProgressAsync(api, workflowId);
        clock.Advance(TimeSpan.FromSeconds(30));
        var fortyFiveVotes = await ProgressAsync(api, workflowId);
        clock.Advance(TimeSpan.FromSeconds(15));
        var done = await ProgressAsync(api, workflowId);

        Assert.Equal(("Created", 4L, 0L, 0.0), created);
        Assert.Equal(("Labeling", 4L, 0L, 0.0), atStart);
        Assert.Equal(("Labeling", 4L, 0L, 0.0), fourteenVotes);
        Assert.Equal(("Labeling", 4L, 1L, 25.0), fifteenVotes);
        Assert.Equal(("Labeling", 4L, 3L, 75.0), fortyFiveVotes);
        Assert.Equal(("Done", 4L, 4L, 100.0), done);
        Assert.Equal("Completed", emulator.GetOrderState(ids.OrderId));
    }

    [Fact]
    public async Task WorkflowProgress_PausedOrder_StandsStillAndSaysPaused()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond(), clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("paused progress"), CompareOrders.Pairs(2));
        var workflowId = await WorkflowIdAsync(api, ids.PipelineId);
        clock.Advance(TimeSpan.FromSeconds(16));

        await api.NoContentAsync("POST", "/order/{orderId}/pause", $"/order/{ids.OrderId}/pause");
        clock.Advance(TimeSpan.FromMinutes(10));
        var paused = await ProgressAsync(api, workflowId);
        await api.NoContentAsync("POST", "/order/{orderId}/resume", $"/order/{ids.OrderId}/resume");
        clock.Advance(TimeSpan.FromSeconds(14));
        var resumed = await ProgressAsync(api, workflowId);

        Assert.Equal(("Paused", 2L, 1L, 50.0), paused);
        Assert.Equal(("Done", 2L, 2L, 100.0), resumed);
    }

    [Fact]
    public async Task WorkflowProgress_SystemClock_NeverShrinksAndReachesTheTotal()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(new EmulatorOptions { Crowd = { VotesPerSecond = 15, ReviewDelay = TimeSpan.Zero } });
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("live progress"), CompareOrders.Pairs(4));
        var workflowId = await WorkflowIdAsync(api, ids.PipelineId);
        var seen = new List<long>();

        var last = await Eventually.GetAsync(async () =>
        {
            var progress = await ProgressAsync(api, workflowId);
            seen.Add(progress.Completed);
            return progress;
        }, p => p.State == "Done", TimeSpan.FromSeconds(60), "the workflow to be done");

        Assert.Equal((4L, 4L, 100.0), (last.Total, last.Completed, last.Percentage));
        Assert.Equal(seen.Order(), seen);
        Assert.True(seen.Count > 1, "the progress was already complete on the first read");
    }

    [Fact]
    public async Task WorkflowProgress_UnknownOrDeleted_Returns404()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("deleted progress"), CompareOrders.Pairs(1));
        var workflowId = await WorkflowIdAsync(api, ids.PipelineId);
        var beforeDelete = await api.SendAsync("GET", WorkflowProgress, $"/workflow/{workflowId}/progress");

        await api.NoContentAsync("DELETE", "/order/{orderId}", $"/order/{ids.OrderId}");
        var deleted = await api.SendAsync("GET", WorkflowProgress, $"/workflow/{workflowId}/progress");
        var unknown = await api.SendAsync("GET", WorkflowProgress, "/workflow/no-such-workflow/progress");

        Assert.Equal(HttpStatusCode.OK, beforeDelete.Status);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.Status, unknown.Status));
    }

    [Fact]
    public async Task DatasetProgress_AfterUploads_EveryDatapointReady()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(OneVotePerSecond());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("uploads"));
        const string template = "/dataset/{datasetId}/progress";

        var empty = await api.OkAsync("GET", template, $"/dataset/{ids.DatasetId}/progress");
        await CompareOrders.AddPairsAsync(api, ids.DatasetId, CompareOrders.Pairs(3));
        var filled = await api.OkAsync("GET", template, $"/dataset/{ids.DatasetId}/progress");
        var unknown = await api.SendAsync("GET", template, "/dataset/no-such-dataset/progress");

        Assert.Equal((0, 0, 0, 0), Counts(empty));
        Assert.Equal((3, 3, 0, 0), Counts(filled));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    private static EmulatorOptions OneVotePerSecond() => new() { Crowd = { VotesPerSecond = 1, ReviewDelay = TimeSpan.Zero } };

    /// <summary>The workflow id from the order's pipeline, as a client finds it.</summary>
    private static async Task<string> WorkflowIdAsync(ApiClient api, string pipelineId)
    {
        var pipeline = await api.OkAsync("GET", "/pipeline/{pipelineId}", $"/pipeline/{pipelineId}");
        return pipeline["artifacts"]!.AsObject().Select(a => a.Value!)
            .Single(a => a["_t"]!.GetValue<string>() == "WorkflowArtifactModel")["workflowId"]!.GetValue<string>();
    }

    private static async Task<(string State, long Total, long Completed, double Percentage)> ProgressAsync(ApiClient api, string workflowId)
    {
        var progress = await api.OkAsync("GET", WorkflowProgress, $"/workflow/{workflowId}/progress");
        return (progress["state"]!.GetValue<string>(), progress["total"]!.GetValue<long>(), progress["completed"]!.GetValue<long>(),
            progress["completionPercentage"]!.GetValue<double>());
    }

    private static (int Total, int Ready, int Pending, int Failed) Counts(JsonNode progress) =>
        (progress["total"]!.GetValue<int>(), progress["ready"]!.GetValue<int>(), progress["pending"]!.GetValue<int>(), progress["failed"]!.GetValue<int>());
}
