using System.Net;
using System.Net.Http.Json;

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
    public async Task Delete_ProcessingOrder_BecomesCancelledAndRejectsCommands()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Slow());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("delete"), CompareOrders.Pairs(1));

        await api.NoContentAsync("DELETE", "/order/{orderId}", $"/order/{ids.OrderId}");
        var resume = await api.SendAsync("POST", "/order/{orderId}/resume", $"/order/{ids.OrderId}/resume");

        Assert.Equal("Cancelled", await CompareOrders.StateAsync(api, ids.OrderId));
        Assert.Equal(HttpStatusCode.BadRequest, resume.Status);
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
}
