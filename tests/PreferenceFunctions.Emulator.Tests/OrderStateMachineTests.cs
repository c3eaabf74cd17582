using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

public sealed class OrderStateMachineTests
{
    private static EmulatorOptions Slow() => new() { Crowd = { VotesPerSecond = 1, ReviewDelay = TimeSpan.Zero } };

    [Fact]
    public async Task Order_PreviewSubmitAdminComplete_GoesCreatedPreviewProcessingCompleted()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("states"));
        await CompareOrders.AddPairsAsync(api, ids.DatasetId, CompareOrders.Pairs(2));
        var created = await CompareOrders.StateAsync(api, ids.OrderId);

        await api.NoContentAsync("POST", "/order/{orderId}/preview", $"/order/{ids.OrderId}/preview");
        var preview = await CompareOrders.StateAsync(api, ids.OrderId);
        await api.NoContentAsync("POST", "/order/{orderId}/submit", $"/order/{ids.OrderId}/submit");
        var processing = await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Processing");
        var early = await api.SendAsync("GET", "/order/{orderId}/download-results", $"/order/{ids.OrderId}/download-results");
        var admin = await api.Http.PostAsync($"_emulator/orders/{ids.OrderId}/complete", null);
        var completed = await CompareOrders.StateAsync(api, ids.OrderId);
        var locked = (await api.OkAsync("GET", "/order/{orderId}", $"/order/{ids.OrderId}"))["isLocked"]!.GetValue<bool>();

        Assert.Equal(["Created", "Preview", "Processing", "Completed"], [created, preview, processing, completed]);
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Equal(HttpStatusCode.NoContent, admin.StatusCode);
        Assert.True(locked);
    }

    [Fact]
    public async Task Submit_EmptyDataset_Returns400AndStaysCreated()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("empty"));

        var response = await api.SendAsync("POST", "/order/{orderId}/submit", $"/order/{ids.OrderId}/submit");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Created", await CompareOrders.StateAsync(api, ids.OrderId));
    }

    [Fact]
    public async Task AddDatapoint_AfterSubmit_Returns400()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("locked"), CompareOrders.Pairs(1));
        var a = await CompareOrders.UploadAsync(api, "late_a.png");
        var b = await CompareOrders.UploadAsync(api, "late_b.png");

        var response = await api.SendAsync("POST", "/dataset/{datasetId}/datapoint", $"/dataset/{ids.DatasetId}/datapoint", CompareOrders.DatapointBody(a, b, 5));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task PauseResume_ProcessingOrder_PausesThenProcessesAgain()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("pause"), CompareOrders.Pairs(2));
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Processing");

        await api.NoContentAsync("POST", "/order/{orderId}/pause", $"/order/{ids.OrderId}/pause");
        var paused = await CompareOrders.StateAsync(api, ids.OrderId);
        var pauseAgain = await api.SendAsync("POST", "/order/{orderId}/pause", $"/order/{ids.OrderId}/pause");
        await api.NoContentAsync("POST", "/order/{orderId}/resume", $"/order/{ids.OrderId}/resume");
        var resumed = await CompareOrders.StateAsync(api, ids.OrderId);

        Assert.Equal("Paused", paused);
        Assert.Equal(HttpStatusCode.BadRequest, pauseAgain.Status);
        Assert.Equal("Processing", resumed);
    }

    [Fact]
    public async Task Delete_ProcessingOrder_IsGoneFromTheApiWithItsDataset()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("delete"), CompareOrders.Pairs(1));
        var kept = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("kept"));

        await api.NoContentAsync("DELETE", "/order/{orderId}", $"/order/{ids.OrderId}");
        var get = await api.SendAsync("GET", "/order/{orderId}", $"/order/{ids.OrderId}");
        var listed = await api.OkAsync("GET", "/orders", "/orders?page_size=100");
        var byName = await api.OkAsync("GET", "/orders", "/orders?order_name[contains]=delete");
        var resume = await api.SendAsync("POST", "/order/{orderId}/resume", $"/order/{ids.OrderId}/resume");
        var deleteAgain = await api.SendAsync("DELETE", "/order/{orderId}", $"/order/{ids.OrderId}");
        var datapoints = await api.SendAsync("GET", "/dataset/{datasetId}/datapoints", $"/dataset/{ids.DatasetId}/datapoints");
        var pipeline = await api.SendAsync("GET", "/pipeline/{pipelineId}", $"/pipeline/{ids.PipelineId}");
        var results = await api.SendAsync("GET", "/order/{orderId}/download-results", $"/order/{ids.OrderId}/download-results");

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal([kept.OrderId], listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(1, listed["total"]!.GetValue<long>());
        Assert.Empty(byName["items"]!.AsArray());
        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [resume.Status, deleteAgain.Status, datapoints.Status, pipeline.Status, results.Status]);
        Assert.Equal("Cancelled", emulator.GetOrderState(ids.OrderId));
        Assert.Throws<KeyNotFoundException>(() => emulator.CompleteOrder(ids.OrderId));
    }

    [Fact]
    public async Task Delete_WhileTheCrowdVotes_StopsTheVotes()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow(), clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("voting"), CompareOrders.Pairs(2));
        var other = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("other"), CompareOrders.Pairs(2, "c", "d"));
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Processing");
        clock.Advance(TimeSpan.FromSeconds(5));
        var before = await AdminVotesAsync(api, ids.OrderId);

        await api.NoContentAsync("DELETE", "/order/{orderId}", $"/order/{ids.OrderId}");
        clock.Advance(TimeSpan.FromSeconds(60));
        var after = await AdminVotesAsync(api, ids.OrderId);
        var otherAfter = await AdminVotesAsync(api, other.OrderId);

        Assert.Equal(("Processing", 5L, 30L), before);
        Assert.Equal(("Cancelled", 5L, 30L), after);
        Assert.Equal(("Completed", 30L, 30L), otherAfter);
    }

    [Fact]
    public async Task PauseResume_WhileTheCrowdVotes_NoVotesWhilePausedThenVotingGoesOn()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow(), clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("pausing"), CompareOrders.Pairs(2));
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Processing");
        clock.Advance(TimeSpan.FromSeconds(4));

        await api.NoContentAsync("POST", "/order/{orderId}/pause", $"/order/{ids.OrderId}/pause");
        clock.Advance(TimeSpan.FromSeconds(100));
        var paused = await AdminVotesAsync(api, ids.OrderId);
        await api.NoContentAsync("POST", "/order/{orderId}/resume", $"/order/{ids.OrderId}/resume");
        var resumeAgain = await api.SendAsync("POST", "/order/{orderId}/resume", $"/order/{ids.OrderId}/resume");
        clock.Advance(TimeSpan.FromSeconds(6));
        var resumed = await AdminVotesAsync(api, ids.OrderId);
        clock.Advance(TimeSpan.FromSeconds(20));
        var done = await AdminVotesAsync(api, ids.OrderId);

        Assert.Equal(("Paused", 4L, 30L), paused);
        Assert.Equal(HttpStatusCode.BadRequest, resumeAgain.Status);
        Assert.Equal(("Processing", 10L, 30L), resumed);
        Assert.Equal(("Completed", 30L, 30L), done);
    }

    [Fact]
    public async Task ManualReviewOutcome_SubmittedOrder_WaitsInManualReviewUntilApproved()
    {
        var options = Slow();
        options.Faults.Outcome = OrderOutcome.ManualReview;
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("review"), CompareOrders.Pairs(1));

        var review = await CompareOrders.WaitForStateAsync(api, ids.OrderId, "ManualReview");
        await api.NoContentAsync("POST", "/order/{orderId}/approve", $"/order/{ids.OrderId}/approve");

        Assert.Equal("ManualReview", review);
        Assert.Equal("Processing", await CompareOrders.StateAsync(api, ids.OrderId));
    }

    [Fact]
    public async Task FailedOutcome_SubmittedOrder_FailsWithMessageAndRetryRunsIt()
    {
        var options = new EmulatorOptions { Crowd = { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero } };
        options.Faults.Outcome = OrderOutcome.Failed;
        options.Faults.FailureMessage = "crowd on strike";
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("fail"), CompareOrders.Pairs(1));

        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Failed");
        var failed = await api.OkAsync("GET", "/order/{orderId}", $"/order/{ids.OrderId}");
        var listed = await api.OkAsync("GET", "/orders", "/orders?state[eq]=Failed");
        await api.Http.PutAsJsonAsync("_emulator/faults", new FaultOptions());
        await api.NoContentAsync("POST", "/order/{orderId}/retry", $"/order/{ids.OrderId}/retry");

        Assert.Equal("crowd on strike", failed["failureMessage"]!.GetValue<string>());
        Assert.Equal("crowd on strike", listed["items"]![0]!["failureMessage"]!.GetValue<string>());
        Assert.Equal("Completed", await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Completed"));
    }

    [Fact]
    public async Task StaleResultsOnFirstDownload_CompletedOrder_StaleUntilRetried()
    {
        var options = new EmulatorOptions { Crowd = { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero } };
        options.Faults.StaleResultsOnFirstDownload = true;
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("stale"), CompareOrders.Pairs(1));
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Completed");

        var first = await api.SendAsync("GET", "/order/{orderId}/download-results", $"/order/{ids.OrderId}/download-results");
        var stale = await CompareOrders.StateAsync(api, ids.OrderId);
        await api.NoContentAsync("POST", "/order/{orderId}/retry", $"/order/{ids.OrderId}/retry");
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Completed");
        var second = await api.SendAsync("GET", "/order/{orderId}/download-results", $"/order/{ids.OrderId}/download-results");

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal("StaleResults", stale);
        Assert.Equal(HttpStatusCode.OK, second.Status);
    }

    [Fact]
    public async Task PrecedingOrder_NotCompleted_QueuesTheFollowerUntilItCompletes()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow());
        using var api = await ApiClient.ConnectAsync(emulator);
        var first = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("first"), CompareOrders.Pairs(1));
        var second = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("second"));
        await CompareOrders.AddPairsAsync(api, second.DatasetId, CompareOrders.Pairs(1, "x", "y"));
        await api.NoContentAsync("PATCH", "/order/{orderId}", $"/order/{second.OrderId}", new { precedingOrderId = first.OrderId });
        await api.NoContentAsync("POST", "/order/{orderId}/submit", $"/order/{second.OrderId}/submit");

        var queued = await CompareOrders.WaitForStateAsync(api, second.OrderId, "Queued");
        emulator.CompleteOrder(first.OrderId);

        Assert.Equal("Queued", queued);
        Assert.Equal("Processing", await CompareOrders.WaitForStateAsync(api, second.OrderId, "Processing"));
    }

    private static async Task<(string State, long Collected, long Total)> AdminVotesAsync(ApiClient api, string orderId)
    {
        var orders = JsonNode.Parse(await api.Http.GetStringAsync("_emulator/orders"))!.AsArray();
        var order = orders.Single(o => o!["id"]!.GetValue<string>() == orderId)!;
        return (order["state"]!.GetValue<string>(), order["collectedVotes"]!.GetValue<long>(), order["totalVotes"]!.GetValue<long>());
    }
}
