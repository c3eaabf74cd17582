using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Publishes each event to an Event Grid topic in the CloudEvents schema.</summary>
/// <param name="client">Null when no topic is configured (the sink is then disabled).</param>
internal sealed class EventGridEventSink(EventGridPublisherClient? client) : IRunEventSink
{
    public string Name => "eventgrid";

    public bool IsEnabled => client is not null;

    public async Task SendAsync(RunEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (client is null) throw new InvalidOperationException("No Event Grid topic is configured (Notifications:EventGridTopicEndpoint).");
        // Parsed from the shared envelope so the topic receives exactly what the queue and webhook receive.
        var cloudEvent = CloudEvent.Parse(envelope.Json)
            ?? throw new InvalidOperationException($"Event {envelope.Id} did not parse as a CloudEvent.");
        await client.SendEventAsync(cloudEvent, cancellationToken);
    }
}
