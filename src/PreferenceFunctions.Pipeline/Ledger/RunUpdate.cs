namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>A change to a run's row in PreferenceRuns; null fields are left as they are.</summary>
public sealed record RunUpdate(
    string RunId,
    RunPhase Phase,
    string? OrderState = null,
    string? Error = null,
    DateTimeOffset? At = null,
    UploadTotals? Uploads = null);
