using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>
/// The orchestrator's record of a step: its progress at <see cref="At"/> (orchestration time) and, after the uploads,
/// their totals.
/// </summary>
public sealed record RunCheckpoint(string RunId, RunProgress Progress, DateTimeOffset At, UploadTotals? Uploads = null) : IRunInput;
