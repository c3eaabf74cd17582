using System.Net;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Retries only for 408/429/502/503/504 and network errors, honouring Retry-After; never 500 or other 4xx.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Call_429WithRetryAfter_WaitsCappedDelayAndRetries()
    {
        var attempts = 0;
        _server.Script = _ => Interlocked.Increment(ref attempts) == 1
            ? new FakeResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "120" })
            : null;
        var logs = new ListLoggerProvider();
        await using var services = TestClients.Create(_server, logs: logs);

        var order = await services.Client().GetOrderAsync("order-1");

        Assert.Equal("pipeline-1", order.PipelineId);
        Assert.Equal(2, _server.ApiRequests.Count);
        // Retry-After said 120 s; the configured cap (20 ms in tests, 60 s by default) bounds the wait.
        Assert.Contains(logs.Messages, m => m.Contains("in 00:00:00.0200000 after status 429"));
    }

    [Fact]
    public async Task Call_503Twice_RetriesUntilSuccess()
    {
        var attempts = 0;
        _server.Script = _ => Interlocked.Increment(ref attempts) <= 2 ? new FakeResponse(503) : null;
        await using var services = TestClients.Create(_server);

        await services.Client().PauseOrderAsync("order-1");

        Assert.Equal(3, _server.ApiRequests.Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Call_TransientStatusOnce_IsRetried(int status)
    {
        var attempts = 0;
        _server.Script = _ => Interlocked.Increment(ref attempts) == 1 ? new FakeResponse(status) : null;
        await using var services = TestClients.Create(_server);

        await services.Client().GetOrderAsync("order-1");

        Assert.Equal(2, _server.ApiRequests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Call_NonTransientStatus_IsNotRetried(int status)
    {
        _server.Script = _ => new FakeResponse(status);
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().SubmitOrderAsync("order-1"));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(_server.ApiRequests);
    }

    [Fact]
    public async Task Call_Always503_GivesUpAfterMaxRetries()
    {
        _server.Script = _ => new FakeResponse(503);
        await using var services = TestClients.Create(_server, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "2" });

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetOrderAsync("order-1"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, _server.ApiRequests.Count);
    }

    [Fact]
    public async Task Call_AttemptHangs_TimesOutAndRetries()
    {
        var attempts = 0;
        _server.Script = _ => Interlocked.Increment(ref attempts) == 1 ? new FakeResponse(200, Hang: true) : null;
        await using var services = TestClients.Create(_server, new Dictionary<string, string?> { ["AttemptTimeout"] = "00:00:00.300" });

        var order = await services.Client().GetOrderAsync("order-1");

        Assert.Equal("run-42 prompt alignment", order.OrderName);
        Assert.Equal(2, _server.ApiRequests.Count);
    }

    [Fact]
    public async Task Call_ConnectionRefused_RetriesThenThrowsNetworkError()
    {
        var closedPort = new Uri($"http://127.0.0.1:{FreePort()}/");
        var logs = new ListLoggerProvider();
        await using var services = TestClients.Create(_server, new Dictionary<string, string?> { ["ApiBaseUrl"] = closedPort.ToString() }, logs: logs);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetOrderAsync("order-1"));

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("Network error", error.Message);
        Assert.Equal(3, logs.Messages.Count(m => m.Contains("Rapidata call retried")));
    }

    [Fact]
    public async Task UploadAsset_NonSeekableStreamAfter503_SendsSameBytesAgain()
    {
        var attempts = 0;
        _server.Script = _ => Interlocked.Increment(ref attempts) == 1 ? new FakeResponse(503) : null;
        await using var services = TestClients.Create(_server);
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        var asset = await services.Client().UploadAssetAsync(new NonSeekableStream(bytes), "image.png");

        Assert.Equal("asset-9f2c.png", asset.FileName);
        var (first, second) = (_server.ApiRequests[0], _server.ApiRequests[1]);
        Assert.True(second.Body.Length > bytes.Length);
        Assert.Equal(first.Body, second.Body);
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(120, 60)]
    [InlineData(0, 0)]
    public void RetryAfter_DeltaSeconds_IsCappedAtSixtySeconds(int headerSeconds, int expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(headerSeconds));

        var wait = Http.RapidataResilience.RetryAfter(response, TimeSpan.FromSeconds(60), DateTimeOffset.UtcNow);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), wait);
    }

    [Fact]
    public void RetryAfter_HttpDate_WaitsUntilThatTime()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), Http.RapidataResilience.RetryAfter(response, TimeSpan.FromSeconds(60), now));
        Assert.Null(Http.RapidataResilience.RetryAfter(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(60), now));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
