namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>A run event encoded once as a structured-mode CloudEvents 1.0 JSON document, sent as is by every sink.</summary>
/// <param name="Id">CloudEvents <c>id</c>, <c>{runId}:{type}</c>: a redelivery carries the same id.</param>
/// <param name="Json">UTF-8 JSON of the whole envelope (specversion, id, source, type, subject, time, datacontenttype, data).</param>
public sealed record RunEventEnvelope(string Id, string Type, string RunId, BinaryData Json)
{
    /// <summary>Media type of <see cref="Json"/> in the CloudEvents HTTP binding's structured mode.</summary>
    public const string MediaType = "application/cloudevents+json";
}
