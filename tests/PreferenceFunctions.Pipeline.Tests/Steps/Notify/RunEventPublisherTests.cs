using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

/// <summary>The publisher wired by <c>AddPreferenceNotifications</c> with every sink real: Azurite queue, Kestrel topic and webhooks.</summary>
public sealed class RunEventPublisherTests
{
    [Fact]
    public async Task PublishAsync_AllSinksHealthy_DeliversEverywhereAndReturnsNoFailure()
    {
        await using var topic = await LoopbackServer.StartAsync((_, _) => 200);
        await using var hooks = await LoopbackServer.StartAsync((_, _) => 200);
        var queueName = UniqueName.For("events");
        await using var provider = await BuildAsync(queueName, topic, hooks);

        var failures = await provider.GetRequiredService<RunEventPublisher>().PublishAsync(
            NotificationTestData.Completed("run-p1"), new RunWebhook(new Uri(hooks.BaseAddress, "/run").ToString()), CancellationToken.None);

        Assert.Empty(failures);
        Assert.Single(topic.Requests);
        Assert.Equal(["/configured", "/run"], hooks.Requests.Select(r => r.PathAndQuery).Order());
        Assert.Equal("run-p1:preference.run.completed", await ReceiveEventIdAsync(provider, queueName));
    }

    [Fact]
    public async Task PublishAsync_OneSinkFails_ReturnsItsFailureAndOthersStillDeliver()
    {
        await using var topic = await LoopbackServer.StartAsync((_, _) => 403);
        await using var hooks = await LoopbackServer.StartAsync((request, _) => request.PathAndQuery == "/run" ? 410 : 200);
        var queueName = UniqueName.For("events");
        await using var provider = await BuildAsync(queueName, topic, hooks);

        var failures = await provider.GetRequiredService<RunEventPublisher>().PublishAsync(
            NotificationTestData.Completed("run-p2"), new RunWebhook(new Uri(hooks.BaseAddress, "/run").ToString()), CancellationToken.None);

        Assert.Equal(["eventgrid", "run-webhook"], failures.Select(f => f.Sink).Order());
        Assert.Contains("410", failures.Single(f => f.Sink == "run-webhook").Message);
        Assert.Contains(hooks.Requests, r => r.PathAndQuery == "/configured");
        Assert.Equal("run-p2:preference.run.completed", await ReceiveEventIdAsync(provider, queueName));
    }

    [Fact]
    public async Task PublishAsync_RunWebhook_SignedWithTheRunsSecretNeverTheOperatorsSecret()
    {
        await using var topic = await LoopbackServer.StartAsync((_, _) => 200);
        await using var hooks = await LoopbackServer.StartAsync((_, _) => 200);
        var operatorSecret = NotificationTestData.NewSecret();
        var queueName = UniqueName.For("events");
        await using var provider = await BuildAsync(queueName, topic, hooks, operatorSecret);

        var failures = await provider.GetRequiredService<RunEventPublisher>().PublishAsync(
            NotificationTestData.Completed("run-p3"), new RunWebhook(new Uri(hooks.BaseAddress, "/run").ToString()), CancellationToken.None);

        Assert.Empty(failures);
        var run = hooks.Requests.Single(r => r.PathAndQuery == "/run");
        var configured = hooks.Requests.Single(r => r.PathAndQuery == "/configured");
        Assert.True(Verifies(WebhookSecrets.ForRun(operatorSecret, "run-p3"), run));
        Assert.False(Verifies(operatorSecret, run));
        Assert.True(Verifies(operatorSecret, configured));
        await ReceiveEventIdAsync(provider, queueName);
    }

    private static bool Verifies(string secret, CapturedRequest request)
    {
        try
        {
            new StandardWebhooks.StandardWebhook(secret).Verify(request.Body, request.Headers);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    }

    private static async Task<ServiceProvider> BuildAsync(string queueName, LoopbackServer topic, LoopbackServer hooks, string? secret = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:QueueName"] = queueName,
            ["Notifications:EventGridTopicEndpoint"] = new Uri(topic.BaseAddress, "/api/events").ToString(),
            ["Notifications:EventGridTopicKey"] = "local-topic-key",
            ["Notifications:WebhookUrl"] = new Uri(hooks.BaseAddress, "/configured").ToString(),
            ["Notifications:WebhookSecret"] = secret ?? NotificationTestData.NewSecret(),
            ["Notifications:AllowInsecureLocalWebhooks"] = "true",
            ["Notifications:AllowedWebhookHosts"] = "127.0.0.1",
            ["Notifications:WebhookRetryDelay"] = "00:00:00.010",
            ["Notifications:WebhookMaxRetryDelay"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(new QueueServiceClient(await Azurite.GetConnectionStringAsync()));
        return services.AddPreferenceNotifications(configuration).BuildServiceProvider();
    }

    private static async Task<string?> ReceiveEventIdAsync(IServiceProvider provider, string queueName)
    {
        var queue = provider.GetRequiredService<QueueServiceClient>().GetQueueClient(queueName);
        try
        {
            var messages = await Eventually.GetAsync(
                async () => (await queue.ReceiveMessagesAsync(maxMessages: 10)).Value,
                received => received.Length > 0, TimeSpan.FromSeconds(10), "the event on the queue");
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Assert.Single(messages).MessageText)));
            return json.RootElement.GetProperty("id").GetString();
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
        }
    }
}
