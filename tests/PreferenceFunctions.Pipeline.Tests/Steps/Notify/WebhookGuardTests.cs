using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

/// <summary>
/// A dataset author's webhook cannot reach the operator's network (SSRF): refused at connect time, before any
/// connection, with a reason that names no address. Only 127.0.0.1 is ever really dialled here.
/// </summary>
public sealed class WebhookGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("100.64.0.1")]
    [InlineData("168.63.129.16")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 form of 169.254.169.254
    public async Task ConnectAsync_NameResolvingToAnInternalAddress_RefusedBeforeAnyConnection(string address)
    {
        var dialled = new List<IPEndPoint>();
        var guard = Guard(new NotificationOptions(), address, dialled);

        await Assert.ThrowsAsync<WebhookRefusedException>(async () => await guard.ConnectAsync(new DnsEndPoint("hooks.example.org", 443), CancellationToken.None));
        await Assert.ThrowsAsync<WebhookRefusedException>(async () => await guard.ConnectAsync(new DnsEndPoint(address, 443), CancellationToken.None));

        Assert.Empty(dialled);
    }

    [Fact]
    public async Task ConnectAsync_AllowListedHost_IsDialled()
    {
        var dialled = new List<IPEndPoint>();
        var guard = Guard(new NotificationOptions { AllowedWebhookHosts = "hooks.internal, other" }, "10.0.0.1", dialled);

        await guard.ConnectAsync(new DnsEndPoint("hooks.internal", 443), CancellationToken.None);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 443), Assert.Single(dialled));
    }

    [Fact]
    public async Task SendAsync_RunWebhookToLoopback_NeverReachesTheServerAndStoresAGenericReason()
    {
        await using var server = await LoopbackServer.StartAsync((_, _) => 200);
        var sink = Sink(new NotificationOptions { AllowInsecureLocalWebhooks = true, WebhookMaxAttempts = 3, WebhookRetryDelay = TimeSpan.FromMilliseconds(10) });
        var url = new Uri(server.BaseAddress, "/hook?token=secret-token").ToString();

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() =>
            sink.SendAsync(new RunWebhook(url, Guarded: true), Envelope, CancellationToken.None));

        Assert.Empty(server.Requests);
        Assert.Equal("The run's webhook was not called: its host is not a public address.", error.Message);
        Assert.DoesNotContain("127.0.0.1", error.Message);
    }

    [Fact]
    public async Task SendAsync_RunWebhookOverPlainHttpToAPublicName_Refused()
    {
        var sink = Sink(new NotificationOptions { AllowInsecureLocalWebhooks = true });

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() =>
            sink.SendAsync(new RunWebhook("http://hooks.example.org/x", Guarded: true), Envelope, CancellationToken.None));

        Assert.Contains("must be an https URL", error.Message);
    }

    [Fact]
    public async Task SendAsync_AllowListedLoopbackWebhook_IsDelivered()
    {
        await using var server = await LoopbackServer.StartAsync((_, _) => 204);
        var sink = Sink(new NotificationOptions { AllowInsecureLocalWebhooks = true, AllowedWebhookHosts = "127.0.0.1" });

        await sink.SendAsync(new RunWebhook(new Uri(server.BaseAddress, "/hook").ToString(), Guarded: true), Envelope, CancellationToken.None);

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data", "plain http")]
    [InlineData("https://10.0.0.1/hook", "internal address")]
    [InlineData("https://[::ffff:a9fe:a9fe]/hook", "internal address")]
    [InlineData("https://user:pw@hooks.example.org/hook", "user info")]
    [InlineData("ftp://hooks.example.org/hook", "https")]
    public void Problem_UrlADatasetAuthorMayNotUse_SaysWhy(string url, string reason)
    {
        Assert.Contains(reason, WebhookAddresses.Problem(url));
    }

    [Fact]
    public void Redact_UrlWithToken_KeepsHostAndPathOnly()
    {
        Assert.Equal("https://hooks.example.org/run?…", WebhookAddresses.Redact("https://hooks.example.org/run?token=abc"));
    }

    private static readonly RunEventEnvelope Envelope = RunEventEncoder.Encode(NotificationTestData.Completed("run-g1"), "/preference-functions");

    private static WebhookConnectGuard Guard(NotificationOptions options, string resolvesTo, List<IPEndPoint> dialled) =>
        new(Options.Create(options), (_, _) => Task.FromResult(new[] { IPAddress.Parse(resolvesTo) }), (endPoint, _) =>
        {
            dialled.Add(endPoint);
            return ValueTask.FromResult<Stream>(new MemoryStream());
        });

    private static WebhookEventSink Sink(NotificationOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        NotificationServiceCollectionExtensions.AddWebhookHttpClient(services);
        var httpClients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new WebhookEventSink(httpClients, Options.Create(options), TimeProvider.System, NullLogger<WebhookEventSink>.Instance);
    }
}
