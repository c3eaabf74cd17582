using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.EventGrid;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Builds the Event Grid publisher from the settings: an access key when one is set (local tests), else the given
/// credential (the app's managed identity on Azure; needs the "EventGrid Data Sender" role on the topic).
/// </summary>
internal static class EventGridClientFactory
{
    /// <returns>Null when no topic endpoint is configured.</returns>
    public static EventGridPublisherClient? Create(NotificationOptions options, TokenCredential? credential, EventGridPublisherClientOptions? clientOptions = null)
    {
        if (string.IsNullOrWhiteSpace(options.EventGridTopicEndpoint)) return null;
        var endpoint = new Uri(options.EventGridTopicEndpoint);
        return string.IsNullOrWhiteSpace(options.EventGridTopicKey)
            ? new EventGridPublisherClient(endpoint, credential ?? new DefaultAzureCredential(), clientOptions)
            : new EventGridPublisherClient(endpoint, new AzureKeyCredential(options.EventGridTopicKey), clientOptions);
    }
}
