using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task TooManyRequestsRule_MatchingEndpoint_Returns429WithRetryAfterOthersUnaffected()
    {
        var options = new EmulatorOptions();
        options.Faults.Rules.Add(new EndpointFault { Endpoint = "POST /asset/file", TooManyRequestsRate = 1, RetryAfterSeconds = 3 });
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.png" } };

        var upload = await api.SendAsync("POST", "/asset/file", "/asset/file", form);
        var orders = await api.SendAsync("GET", "/orders", "/orders");

        Assert.Equal((HttpStatusCode)429, upload.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), upload.Message.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, orders.Status);
    }

    [Fact]
    public async Task ServiceUnavailableRule_SetAtRunTimeByAdminApi_Returns503ThenClearedReturns200()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var faults = new FaultOptions { Rules = [new EndpointFault { Endpoint = "GET /orders", ServiceUnavailableRate = 1 }] };

        var put = await api.Http.PutAsJsonAsync("_emulator/faults", faults);
        var failing = await api.SendAsync("GET", "/orders", "/orders");
        var current = JsonNode.Parse(await api.Http.GetStringAsync("_emulator/faults"))!;
        await api.Http.PutAsJsonAsync("_emulator/faults", new FaultOptions());
        var healed = await api.SendAsync("GET", "/orders", "/orders");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.Status);
        Assert.True(failing.Message.Headers.Contains("Retry-After"));
        Assert.Equal("GET /orders", current["rules"]![0]!["endpoint"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, healed.Status);
    }

    [Fact]
    public async Task ErrorRates_PartialRate_FailsSomeRequestsButNotAll()
    {
        var options = new EmulatorOptions();
        options.Faults.Rules.Add(new EndpointFault { Endpoint = "GET /orders", TooManyRequestsRate = 0.3, ServiceUnavailableRate = 0.2 });
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            statuses.Add((await api.Http.GetAsync("orders")).StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == (HttpStatusCode)429), 40, 80);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable), 20, 60);
        Assert.Contains(HttpStatusCode.OK, statuses);
    }

    [Fact]
    public async Task LatencyRule_MatchingEndpoint_DelaysTheResponseAtLeastThatLong()
    {
        var options = new EmulatorOptions();
        options.Faults.Rules.Add(new EndpointFault { Endpoint = "GET /orders", LatencyMs = 300 });
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);

        var stopwatch = Stopwatch.StartNew();
        var response = await api.Http.GetAsync("orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.ElapsedMilliseconds >= 290, $"answered after {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task AdminPutFaults_InvalidRate_Returns400NamingTheSetting()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        var response = await http.PutAsJsonAsync("_emulator/faults", new FaultOptions { Rules = [new EndpointFault { TooManyRequestsRate = 2 }] });
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Emulator:Faults:Rules:0:TooManyRequestsRate", errors.Select(e => e.Key));
        Assert.Empty(emulator.Options.Faults.Rules);
    }

    [Fact]
    public async Task AdminRequests_ListsMethodPathStatusBody_AndClears()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SendAsync("POST", "/order", "/order", CompareOrders.CreateOrderBody("logged"));
        await CompareOrders.UploadAsync(api, "logged.png");

        var listed = JsonNode.Parse(await api.Http.GetStringAsync("_emulator/requests"))!.AsArray();
        var create = listed.Single(r => r!["path"]!.GetValue<string>() == "/order");
        var upload = listed.Single(r => r!["path"]!.GetValue<string>() == "/asset/file");
        await api.Http.DeleteAsync("_emulator/requests");

        Assert.Equal("POST", create!["method"]!.GetValue<string>());
        Assert.Equal(200, create["status"]!.GetValue<int>());
        Assert.Contains("\"orderName\":\"logged\"", create["body"]!.GetValue<string>());
        Assert.Contains("logged.png", upload!["body"]!.GetValue<string>());
        Assert.DoesNotContain(listed, r => r!["body"]?.GetValue<string>()?.Contains("secret", StringComparison.Ordinal) == true);
        Assert.Empty(emulator.Requests.Entries);
    }
}
