using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>Whether a run is still going and how it ended. Stored and sent by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Rejected,
    Cancelled,
}
