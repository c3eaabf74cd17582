using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>Where a run is; shown in the custom status and stored on the run row. Stored and sent by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunPhase>))]
public enum RunPhase
{
    Pending,
    Validating,
    CreatingOrder,
    Uploading,
    Submitting,
    WaitingForCrowd,
    Downloading,
    WritingResults,
    Completed,
    Rejected,
    Failed,
    Cancelled,
}
