using System.Text.Json;
using System.Text.Json.Serialization;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Turns a <see cref="RunEvent"/> into its CloudEvents 1.0 JSON envelope (CloudNative.CloudEvents).</summary>
internal static class RunEventEncoder
{
    private static readonly JsonEventFormatter Formatter = new(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull },
        new JsonDocumentOptions());

    public static RunEventEnvelope Encode(RunEvent runEvent, string source)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        if (!RunEventTypes.IsKnown(runEvent.Type))
            throw new ArgumentException($"Unknown run event type '{runEvent.Type}'; expected one of {string.Join(", ", RunEventTypes.All)}.", nameof(runEvent));
        if (string.IsNullOrWhiteSpace(runEvent.RunId))
            throw new ArgumentException("A run event needs a run id.", nameof(runEvent));

        return Envelope($"{runEvent.RunId}:{runEvent.Type}", runEvent.Type, $"runs/{runEvent.RunId}", runEvent.Time, runEvent.Data,
            source, runEvent.RunId);
    }

    /// <summary>The structured-mode CloudEvents 1.0 JSON of one event (run or leaderboard), as the senders deliver it.</summary>
    internal static RunEventEnvelope Envelope(string id, string type, string subject, DateTimeOffset time, object data, string source,
        string runId)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = id,
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = type,
            Subject = subject,
            Time = time,
            DataContentType = "application/json",
            Data = data,
        };
        var json = Formatter.EncodeStructuredModeMessage(cloudEvent, out _);
        return new RunEventEnvelope(id, type, runId, BinaryData.FromBytes(json));
    }
}
