using System.Text.Json;
using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

/// <summary>The Event Grid sink against a Kestrel endpoint on 127.0.0.1 standing in for the topic.</summary>
public sealed class EventGridEventSinkTests
{
    private const string TopicKey = "local-topic-key";

    [Fact]
    public async Task SendAsync_KeyAuthenticatedTopic_PostsCloudEventBatchWithSasKey()
    {
        await using var topic = await LoopbackServer.StartAsync((_, _) => 200);
        var options = new NotificationOptions { EventGridTopicEndpoint = new Uri(topic.BaseAddress, "/api/events").ToString(), EventGridTopicKey = TopicKey };
        var sink = new EventGridEventSink(EventGridClientFactory.Create(options, credential: null));
        var envelope = RunEventEncoder.Encode(NotificationTestData.Completed("run-eg1"), "/preference-functions");

        await sink.SendAsync(envelope, CancellationToken.None);

        var request = Assert.Single(topic.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("/api/events?api-version=", request.PathAndQuery);
        Assert.Equal(TopicKey, request.Headers["aeg-sas-key"].ToString());
        Assert.StartsWith("application/cloudevents-batch+json", request.Headers.ContentType.ToString());
        using var body = JsonDocument.Parse(request.Body);
        var cloudEvent = Assert.Single(body.RootElement.EnumerateArray());
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("run-eg1:preference.run.completed", cloudEvent.GetProperty("id").GetString());
        Assert.Equal("/preference-functions", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("preference.run.completed", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("runs/run-eg1", cloudEvent.GetProperty("subject").GetString());
        Assert.Equal(NotificationTestData.Time, cloudEvent.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("flux", cloudEvent.GetProperty("data").GetProperty("winnerModel").GetString());
    }

    [Fact]
    public async Task SendAsync_TopicRejectsKey_Throws()
    {
        await using var topic = await LoopbackServer.StartAsync((_, _) => 401);
        var options = new NotificationOptions { EventGridTopicEndpoint = new Uri(topic.BaseAddress, "/api/events").ToString(), EventGridTopicKey = "k3y-that-must-not-leak" };
        var sink = new EventGridEventSink(EventGridClientFactory.Create(options, credential: null));

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() =>
            sink.SendAsync(RunEventEncoder.Encode(NotificationTestData.Completed(), "/preference-functions"), CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.DoesNotContain("k3y-that-must-not-leak", error.Message);
    }

    [Fact]
    public void Create_NoEndpoint_DisablesSink()
    {
        var sink = new EventGridEventSink(EventGridClientFactory.Create(new NotificationOptions(), credential: null));

        Assert.False(sink.IsEnabled);
    }
}
