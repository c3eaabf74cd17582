using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Tokens against a real token endpoint: cached, renewed before expiry, one request under concurrency, one re-auth on 401.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ConcurrentCalls_NoTokenYet_RequestOneToken()
    {
        _server.TokenDelay = TimeSpan.FromMilliseconds(300);
        await using var services = TestClients.Create(_server);
        var client = services.Client();

        var orders = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.GetOrderAsync("order-1")));

        Assert.Equal(25, orders.Length);
        Assert.Equal(1, _server.TokenRequests);
        Assert.All(_server.ApiRequests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task SequentialCalls_TokenValid_ReuseCachedToken()
    {
        await using var services = TestClients.Create(_server);

        for (var i = 0; i < 5; i++) await services.Client().GetOrderAsync("order-1");

        Assert.Equal(1, _server.TokenRequests);
    }

    [Fact]
    public async Task Call_WithinSixtySecondsOfExpiry_RenewsToken()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await using var services = TestClients.Create(_server, timeProvider: clock);
        var client = services.Client();
        await client.GetOrderAsync("order-1");

        clock.Advance(TimeSpan.FromSeconds(3600 - 60 - 1));
        await client.GetOrderAsync("order-1");
        var beforeMargin = _server.TokenRequests;
        clock.Advance(TimeSpan.FromSeconds(2));
        await client.GetOrderAsync("order-1");

        Assert.Equal(1, beforeMargin);
        Assert.Equal(2, _server.TokenRequests);
        Assert.Equal("Bearer token-2", _server.ApiRequests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task Call_TokenRevoked_ReauthenticatesOnceAndSucceeds()
    {
        await using var services = TestClients.Create(_server);
        var client = services.Client();
        await client.GetOrderAsync("order-1");
        _server.RevokeAllTokens();

        var order = await client.GetOrderAsync("order-1");

        Assert.Equal("run-42 prompt alignment", order.OrderName);
        Assert.Equal(2, _server.TokenRequests);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], _server.ApiRequests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task ConcurrentCalls_TokenRevoked_ShareOneRenewal()
    {
        await using var services = TestClients.Create(_server);
        var client = services.Client();
        await client.GetOrderAsync("order-1");
        _server.RevokeAllTokens();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetOrderAsync("order-1")));

        Assert.Equal(2, _server.TokenRequests);
    }

    [Fact]
    public async Task Call_AlwaysUnauthorized_FailsAfterOneReauthentication()
    {
        _server.Script = _ => new FakeResponse(401);
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetOrderAsync("order-1"));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, _server.TokenRequests);
        Assert.Equal(2, _server.ApiRequests.Count);
    }

    [Fact]
    public async Task Call_WrongClientSecret_ThrowsWithTokenError()
    {
        await using var services = TestClients.Create(_server, new Dictionary<string, string?> { ["ClientSecret"] = "wrong" });

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetOrderAsync("order-1"));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("invalid_client", error.Message);
        Assert.Equal("/auth/connect/token", error.Path);
        Assert.Empty(_server.ApiRequests);
    }
}
