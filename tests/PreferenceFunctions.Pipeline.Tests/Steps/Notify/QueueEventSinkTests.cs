using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

public sealed class QueueEventSinkTests
{
    [Fact]
    public async Task SendAsync_QueueMissing_CreatesItAndEnqueuesBase64CloudEvent()
    {
        var service = new QueueServiceClient(await Azurite.GetConnectionStringAsync());
        var queueName = UniqueName.For("events");
        var sink = new QueueEventSink(service, Options.Create(new NotificationOptions { QueueName = queueName }), NullLogger<QueueEventSink>.Instance);
        var envelope = RunEventEncoder.Encode(NotificationTestData.Completed("run-q1"), "/preference-functions");
        var queue = service.GetQueueClient(queueName);
        try
        {
            await sink.SendAsync(envelope, CancellationToken.None);

            var messages = await Eventually.GetAsync(
                async () => (await queue.ReceiveMessagesAsync(maxMessages: 10)).Value,
                received => received.Length > 0, TimeSpan.FromSeconds(10), "the event on the queue");
            var message = Assert.Single(messages);
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
            var root = json.RootElement;
            Assert.Equal("1.0", root.GetProperty("specversion").GetString());
            Assert.Equal("preference.run.completed", root.GetProperty("type").GetString());
            Assert.Equal("runs/run-q1", root.GetProperty("subject").GetString());
            Assert.Equal("run-q1:preference.run.completed", root.GetProperty("id").GetString());
            Assert.Equal("sd-vs-flux", root.GetProperty("data").GetProperty("dataset").GetString());
            Assert.Equal(120, root.GetProperty("data").GetProperty("matchupCount").GetInt32());
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public void IsEnabled_EmptyQueueName_IsFalse()
    {
        var sink = new QueueEventSink(new QueueServiceClient("UseDevelopmentStorage=true"),
            Options.Create(new NotificationOptions { QueueName = "" }), NullLogger<QueueEventSink>.Instance);

        Assert.False(sink.IsEnabled);
    }
}
