using System.Text.Json;
using System.Text.Json.Serialization;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Encodes a leaderboard change as a CloudEvents 1.0 JSON envelope like <see cref="RunEventEncoder"/>: type
/// <c>preference.leaderboard.updated</c>, subject <c>leaderboards/{name}</c>, id <c>leaderboard:{name}:{version}</c>
/// (a redelivery carries the same id); the envelope's run id is the run that changed it.
/// </summary>
public static class LeaderboardEventEncoder
{
    private static readonly JsonEventFormatter Formatter = new(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull },
        new JsonDocumentOptions());

    public static RunEventEnvelope Encode(LeaderboardEventData data, DateTimeOffset time, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var id = $"leaderboard:{data.Leaderboard}:{data.Version}";
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = id,
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = RunEventTypes.LeaderboardUpdated,
            Subject = $"leaderboards/{data.Leaderboard}",
            Time = time,
            DataContentType = "application/json",
            Data = data,
        };
        var json = Formatter.EncodeStructuredModeMessage(cloudEvent, out _);
        return new RunEventEnvelope(id, RunEventTypes.LeaderboardUpdated, data.RunId, BinaryData.FromBytes(json));
    }
}
