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

        var id = $"{runEvent.RunId}:{runEvent.Type}";
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = id,
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = runEvent.Type,
            Subject = $"runs/{runEvent.RunId}",
            Time = runEvent.Time,
            DataContentType = "application/json",
            Data = runEvent.Data,
        };
        var json = Formatter.EncodeStructuredModeMessage(cloudEvent, out _);
        return new RunEventEnvelope(id, runEvent.Type, runEvent.RunId, BinaryData.FromBytes(json));
    }
}
