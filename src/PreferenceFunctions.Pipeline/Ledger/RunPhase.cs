namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>Where a run is; shown in the custom status and stored on the run row.</summary>
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
    Notifying,
    Completed,
    Rejected,
    Failed,
    Cancelled,
}
