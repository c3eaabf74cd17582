using PreferenceFunctions.Rapidata.Tests.Fakes;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Cancellation stops a call at once and is never retried; the overall timeout bounds a hanging server.</summary>
public sealed class CancellationTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Call_CancelledWhileServerHangs_ThrowsOperationCanceledWithoutRetry()
    {
        _server.Script = _ => new FakeResponse(200, Hang: true);
        await using var services = TestClients.Create(_server);
        using var cancellation = new CancellationTokenSource();

        var call = services.Client().GetOrderAsync("order-1", cancellation.Token);
        await Eventually.GetAsync(() => Task.FromResult(_server.ApiRequests.Count), count => count == 1, TimeSpan.FromSeconds(10),
            "the request to reach the server");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_server.ApiRequests);
    }

    [Fact]
    public async Task Call_AlreadyCancelled_SendsNothing()
    {
        await using var services = TestClients.Create(_server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Client().SubmitOrderAsync("order-1", cancellationToken: new CancellationToken(true)));

        Assert.Empty(_server.AllRequests);
    }

    [Fact]
    public async Task Call_ServerNeverAnswers_OverallTimeoutThrowsRapidataRequestException()
    {
        _server.Script = _ => new FakeResponse(200, Hang: true);
        await using var services = TestClients.Create(_server, new Dictionary<string, string?>
        {
            ["Timeout"] = "00:00:00.500",
            ["AttemptTimeout"] = "00:00:10",
        });

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetOrderAsync("order-1"));

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("timeout", error.Message);
    }
}
