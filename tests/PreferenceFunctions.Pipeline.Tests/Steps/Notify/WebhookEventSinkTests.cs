using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Steps.Notify;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

public sealed class WebhookEventSinkTests
{
    private static readonly RunEventEnvelope Envelope = RunEventEncoder.Encode(NotificationTestData.Completed("run-w1"), "/preference-functions");

    [Fact]
    public async Task SendAsync_SignedPost_VerifiesWithStandardWebhooksLibrary()
    {
        var secret = NotificationTestData.NewSecret();
        await using var server = await LoopbackServer.StartAsync((request, _) => Verifies(secret, request.Body, request) ? 204 : 401);

        await Sink().SendAsync(new RunWebhook(new Uri(server.BaseAddress, "/hooks/runs?token=abc").ToString(), secret), Envelope, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/runs?token=abc", request.PathAndQuery);
        Assert.Equal("run-w1:preference.run.completed", request.Headers["webhook-id"].ToString());
        Assert.StartsWith("application/cloudevents+json", request.Headers.ContentType.ToString());
        Assert.Equal(Envelope.Json.ToString(), request.Body);
    }

    [Fact]
    public async Task SendAsync_TamperedBody_FailsVerification()
    {
        var secret = NotificationTestData.NewSecret();
        await using var server = await LoopbackServer.StartAsync((_, _) => 200);
        await Sink().SendAsync(new RunWebhook(server.BaseAddress.ToString(), secret), Envelope, CancellationToken.None);
        var request = Assert.Single(server.Requests);

        var tampered = request.Body.Replace("\"winnerModel\":\"flux\"", "\"winnerModel\":\"sdxl\"", StringComparison.Ordinal);

        Assert.NotEqual(request.Body, tampered);
        Assert.True(Verifies(secret, request.Body, request));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(tampered, request.Headers));
    }

    [Fact]
    public async Task SendAsync_503ThenSuccess_RetriesWithSameWebhookId()
    {
        await using var server = await LoopbackServer.StartAsync((_, index) => index < 2 ? 503 : 200);

        await Sink().SendAsync(new RunWebhook(server.BaseAddress.ToString(), NotificationTestData.NewSecret()), Envelope, CancellationToken.None);

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(Envelope.Id, r.Headers["webhook-id"].ToString()));
    }

    [Fact]
    public async Task SendAsync_429WithLongRetryAfter_WaitsOnlyUpToTheCap()
    {
        await using var server = await LoopbackServer.StartAsync((_, index, response) =>
        {
            response.Headers.RetryAfter = "3600";
            return index == 0 ? 429 : 200;
        });
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // an uncapped wait would be an hour

        await Sink().SendAsync(new RunWebhook(server.BaseAddress.ToString(), NotificationTestData.NewSecret()), Envelope, giveUp.Token);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_400_FailsWithoutRetry()
    {
        await using var server = await LoopbackServer.StartAsync((_, _) => 400);

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() =>
            Sink().SendAsync(new RunWebhook(server.BaseAddress.ToString(), NotificationTestData.NewSecret()), Envelope, CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Contains("400", error.Message);
        Assert.Contains("after 1 attempt(s)", error.Message);
    }

    [Fact]
    public async Task SendAsync_Redirect_IsNotFollowed()
    {
        await using var server = await LoopbackServer.StartAsync((request, _, response) =>
        {
            response.Headers.Location = "/moved";
            return request.PathAndQuery == "/moved" ? 200 : 302;
        });

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() =>
            Sink().SendAsync(new RunWebhook(server.BaseAddress.ToString(), NotificationTestData.NewSecret()), Envelope, CancellationToken.None));

        Assert.Contains("302", error.Message);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery == "/moved");
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesThenFailsWithoutLeakingQuery()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/hooks?token=s3cr3t";

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() =>
            Sink(NotificationTestData.FastRetries(maxAttempts: 3)).SendAsync(new RunWebhook(url), Envelope, CancellationToken.None));

        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public async Task SendAsync_MalformedRunSecret_FailsBeforeSending()
    {
        await using var server = await LoopbackServer.StartAsync((_, _) => 200);

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() =>
            Sink().SendAsync(new RunWebhook(server.BaseAddress.ToString(), "whsec_???"), Envelope, CancellationToken.None));

        Assert.Contains("secret", error.Message);
        Assert.Empty(server.Requests);
    }

    internal static WebhookEventSink Sink(NotificationOptions? options = null)
    {
        var services = new ServiceCollection();
        NotificationServiceCollectionExtensions.AddWebhookHttpClient(services);
        var httpClients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new WebhookEventSink(httpClients, Options.Create(options ?? NotificationTestData.FastRetries()), TimeProvider.System, NullLogger<WebhookEventSink>.Instance);
    }

    private static bool Verifies(string secret, string body, CapturedRequest request)
    {
        try
        {
            new StandardWebhook(secret).Verify(body, request.Headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
