using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>Time-boxed outage windows: the configured status inside the window on matching endpoints only, normal
/// service outside it, the admin API never affected. A manual clock makes the window edges exact.</summary>
public sealed class OutageTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task OutageWindow_MatchingEndpoint_ConfiguredStatusOnlyInsideTheWindow()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("outage"));
        var window = emulator.AddOutage("GET /order/{orderId}", startsIn: TimeSpan.FromSeconds(10), duration: TimeSpan.FromSeconds(30),
            status: 503, retryAfterSeconds: 7);

        var before = await GetOrderStatusAsync(api, ids.OrderId);
        clock.Advance(TimeSpan.FromSeconds(10) - Tick);
        var justBefore = await GetOrderStatusAsync(api, ids.OrderId);
        clock.Advance(Tick);
        var atStart = await api.SendAsync("GET", "/order/{orderId}", $"/order/{ids.OrderId}");
        clock.Advance(TimeSpan.FromSeconds(30) - Tick);
        var lastTick = await GetOrderStatusAsync(api, ids.OrderId);
        clock.Advance(Tick);
        var atEnd = await GetOrderStatusAsync(api, ids.OrderId);

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 10, TimeSpan.Zero), window.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 40, TimeSpan.Zero), window.EndsAt);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (before, justBefore));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, atStart.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), atStart.Message.Headers.RetryAfter?.Delta);
        AssertProblem(atStart, 503);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lastTick);
        Assert.Equal(HttpStatusCode.OK, atEnd);
    }

    [Fact]
    public async Task OutageWindow_DuringTheOutage_OtherEndpointsAndMethodsAndAdminApiServeNormally()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("partial outage"));
        emulator.AddOutage("GET /order/{orderId}", startsIn: TimeSpan.Zero, duration: TimeSpan.FromMinutes(5), status: 502);

        var matching = await api.SendAsync("GET", "/order/{orderId}", $"/order/{ids.OrderId}");
        var otherPath = await api.SendAsync("GET", "/orders", "/orders");
        var otherMethod = await api.SendAsync("PATCH", "/order/{orderId}", $"/order/{ids.OrderId}", new { name = "renamed" });
        var adminFaults = await api.Http.GetAsync("_emulator/faults");
        var adminOrders = await api.Http.GetAsync("_emulator/orders");
        var listed = JsonNode.Parse(await adminFaults.Content.ReadAsStringAsync())!["outages"]!.AsArray();

        Assert.Equal(HttpStatusCode.BadGateway, matching.Status);
        AssertProblem(matching, 502);
        Assert.Null(matching.Message.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherPath.Status);
        Assert.Equal(HttpStatusCode.NoContent, otherMethod.Status);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (adminFaults.StatusCode, adminOrders.StatusCode));
        Assert.Equal("GET /order/{orderId}", Assert.Single(listed)!["endpoint"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task AdminPutOutage_AllEndpoints_EveryRapidataCallGetsTheStatusUntilDeleted(int status)
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var body = $$"""{"outages":[{"endpoint":"all","startsIn":"00:00:05","duration":"00:01:00","status":{{status}}}]}""";

        var put = await api.Http.PutAsync("_emulator/faults", new StringContent(body, Encoding.UTF8, "application/json"));
        var beforeStart = await api.SendAsync("GET", "/orders", "/orders");
        clock.Advance(TimeSpan.FromSeconds(5));
        var orders = await api.SendAsync("GET", "/orders", "/orders");
        var create = await api.SendAsync("POST", "/order", "/order", CompareOrders.CreateOrderBody("down"));
        var token = await api.Http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = emulator.ClientId, ["client_secret"] = emulator.ClientSecret,
        }));
        var health = await api.Http.GetAsync("_emulator/health");
        var deleted = await api.Http.DeleteAsync("_emulator/faults");
        var afterDelete = await api.SendAsync("GET", "/orders", "/orders");
        var listedAfterDelete = JsonNode.Parse(await api.Http.GetStringAsync("_emulator/faults"))!["outages"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = JsonNode.Parse(await put.Content.ReadAsStringAsync())!["outages"]![0]!;
        Assert.Equal(clock.GetUtcNow(), stored["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(stored["startsIn"]);
        Assert.Equal(HttpStatusCode.OK, beforeStart.Status);
        Assert.Equal((status, status, status), ((int)orders.Status, (int)create.Status, (int)token.StatusCode));
        AssertProblem(orders, status);
        AssertProblem(create, status);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterDelete.Status);
        Assert.Empty(listedAfterDelete);
    }

    [Fact]
    public async Task AdminPostOutage_AbsoluteStartAndPathPattern_AddsAWindowMatchingEveryMethodUnderThePath()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("pattern"));
        emulator.AddOutage("GET /orders", startsIn: TimeSpan.Zero, duration: TimeSpan.FromHours(1), status: 500);
        var startsAt = clock.GetUtcNow().AddMinutes(2);

        var post = await api.Http.PostAsJsonAsync("_emulator/faults/outages",
            new { endpoint = "/order/**", startsAt, duration = "00:00:30", status = 504, retryAfterSeconds = 2 });
        var beforeStart = await api.SendAsync("POST", "/order/{orderId}/preview", $"/order/{ids.OrderId}/preview");
        clock.Advance(TimeSpan.FromMinutes(2));
        var submit = await api.SendAsync("POST", "/order/{orderId}/submit", $"/order/{ids.OrderId}/submit");
        var results = await api.SendAsync("GET", "/order/{orderId}/results", $"/order/{ids.OrderId}/results");
        var order = await api.SendAsync("GET", "/order/{orderId}", $"/order/{ids.OrderId}");
        var orders = await api.SendAsync("GET", "/orders", "/orders");
        var datapoints = await api.SendAsync("GET", "/dataset/{datasetId}/datapoints", $"/dataset/{ids.DatasetId}/datapoints");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(2, emulator.Outages.Count);
        Assert.Equal(startsAt, emulator.Outages[1].StartsAt);
        Assert.Equal(HttpStatusCode.NoContent, beforeStart.Status);
        Assert.Equal([HttpStatusCode.GatewayTimeout, HttpStatusCode.GatewayTimeout, HttpStatusCode.GatewayTimeout], [submit.Status, results.Status, order.Status]);
        Assert.Equal(TimeSpan.FromSeconds(2), submit.Message.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.InternalServerError, orders.Status);
        Assert.Equal(HttpStatusCode.OK, datapoints.Status);
    }

    [Fact]
    public async Task AdminPutOutage_InvalidWindow_Returns400NamingEachSettingAndKeepsTheOldFaults()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        emulator.AddOutage("GET /orders", startsIn: TimeSpan.FromHours(1), duration: TimeSpan.FromMinutes(1));
        var body = """
            {"outages":[{"endpoint":"GET /_emulator/faults","startsAt":"2026-01-01T00:00:00Z","startsIn":"00:00:05","duration":"00:00:00","status":404,"retryAfterSeconds":-1}]}
            """;

        var response = await http.PutAsync("_emulator/faults", new StringContent(body, Encoding.UTF8, "application/json"));
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key);
        var post = await http.PostAsJsonAsync("_emulator/faults/outages", new { endpoint = "order", duration = "00:00:05", status = 503 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["Emulator:Faults:Outages:0:Duration", "Emulator:Faults:Outages:0:Endpoint", "Emulator:Faults:Outages:0:RetryAfterSeconds",
             "Emulator:Faults:Outages:0:StartsIn", "Emulator:Faults:Outages:0:Status"],
            errors.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("GET /orders", Assert.Single(emulator.Outages).Endpoint);
        Assert.Throws<ArgumentException>(() => emulator.AddOutage("all", TimeSpan.Zero, TimeSpan.FromSeconds(1), status: 418));
    }

    [Fact]
    public async Task ClearFaults_DuringOutage_ServesNormallyAgain()
    {
        var clock = new ManualClock();
        await using var emulator = await RapidataEmulatorHost.StartAsync(clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);
        emulator.AddOutage(OutageWindow.AllEndpoints, startsAt: clock.GetUtcNow(), duration: TimeSpan.FromHours(1), status: 500);
        emulator.Options.Faults.Outcome = OrderOutcome.Failed;

        var during = await api.SendAsync("GET", "/orders", "/orders");
        emulator.ClearFaults();
        var after = await api.SendAsync("GET", "/orders", "/orders");

        Assert.Equal(HttpStatusCode.InternalServerError, during.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Empty(emulator.Outages);
        Assert.Equal(OrderOutcome.Complete, emulator.Options.Faults.Outcome);
    }

    [Fact]
    public async Task OutageFromConfiguration_StartsInCountsFromStart_AndFaultRulesKeepWorking()
    {
        var clock = new ManualClock();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Faults:Outages:0:Endpoint"] = "POST /asset/file",
            ["Emulator:Faults:Outages:0:StartsIn"] = "00:00:30",
            ["Emulator:Faults:Outages:0:Duration"] = "00:00:10",
            ["Emulator:Faults:Outages:0:Status"] = "503",
            ["Emulator:Faults:Outages:0:RetryAfterSeconds"] = "4",
            ["Emulator:Faults:Rules:0:Endpoint"] = "GET /orders",
            ["Emulator:Faults:Rules:0:ServerErrorRate"] = "1",
            ["Emulator:Faults:Rules:0:ServerErrorStatus"] = "502",
        }).Build();
        var options = configuration.GetSection(EmulatorOptions.SectionName).Get<EmulatorOptions>()!;
        await using var emulator = await RapidataEmulatorHost.StartAsync(options, clock: clock);
        using var api = await ApiClient.ConnectAsync(emulator);

        var beforeStart = await UploadStatusAsync(api);
        clock.Advance(TimeSpan.FromSeconds(30));
        var during = await UploadStatusAsync(api);
        var orders = await api.SendAsync("GET", "/orders", "/orders");

        Assert.Equal(clock.GetUtcNow(), Assert.Single(emulator.Outages).StartsAt);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (beforeStart, during));
        Assert.Equal(HttpStatusCode.BadGateway, orders.Status);
        AssertProblem(orders, 502);
        Assert.Null(orders.Message.Headers.RetryAfter);
    }

    [Fact]
    public async Task OutageWindow_SystemClock_EndsByItself()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var stopwatch = Stopwatch.StartNew();
        var window = emulator.AddOutage("GET /orders", startsIn: TimeSpan.Zero, duration: TimeSpan.FromSeconds(3), status: 503);

        var during = (await api.SendAsync("GET", "/orders", "/orders")).Status;
        var after = await Eventually.GetAsync(async () => (await api.SendAsync("GET", "/orders", "/orders")).Status,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "the outage to end");

        Assert.True(during == HttpStatusCode.ServiceUnavailable || emulator.Clock.GetUtcNow() >= window.EndsAt, "the outage did not apply");
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(2.9), $"normal service after only {stopwatch.Elapsed}");
    }

    private static async Task<HttpStatusCode> GetOrderStatusAsync(ApiClient api, string orderId) =>
        (await api.SendAsync("GET", "/order/{orderId}", $"/order/{orderId}")).Status;

    private static async Task<HttpStatusCode> UploadStatusAsync(ApiClient api)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.png" } };
        return (await api.SendAsync("POST", "/asset/file", "/asset/file", form)).Status;
    }

    private static void AssertProblem(ApiResponse response, int status)
    {
        Assert.Equal("application/problem+json", response.Message.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, response.Json["status"]!.GetValue<int>());
        Assert.Contains("Rapidata emulator", response.Json["detail"]!.GetValue<string>());
        Assert.NotNull(response.Json["title"]);
        Assert.NotNull(response.Json["traceId"]);
    }
}
