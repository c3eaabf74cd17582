using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// What submitting did: in the job flow the id of the job created (the run's order from then on), in the order flow null
/// (the order's id is known since CreateOrder). Kept in orchestration history, where runs submitted before this record
/// existed hold <c>true</c>: read as no job id, so those runs replay as they ran (see docs/upgrades.md).
/// </summary>
[JsonConverter(typeof(SubmitOrderResultJsonConverter))]
public sealed record SubmitOrderResult(string? JobId)
{
    /// <summary>Reads the earlier <c>true</c>/<c>false</c> output as well as the record.</summary>
    private sealed class SubmitOrderResultJsonConverter : JsonConverter<SubmitOrderResult>
    {
        public override SubmitOrderResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) return new SubmitOrderResult(JobId: null);
            using var document = JsonDocument.ParseValue(ref reader);
            var jobId = document.RootElement.EnumerateObject()
                .FirstOrDefault(p => string.Equals(p.Name, nameof(JobId), StringComparison.OrdinalIgnoreCase)).Value;
            return new SubmitOrderResult(jobId.ValueKind == JsonValueKind.String ? jobId.GetString() : null);
        }

        public override void Write(Utf8JsonWriter writer, SubmitOrderResult value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("jobId", value.JobId);
            writer.WriteEndObject();
        }
    }
}
