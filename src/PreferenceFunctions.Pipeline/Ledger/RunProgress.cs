using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>
/// Where a run is, for a user watching it: the orchestration's custom status, and what the ledger writes to the
/// run's row (phase, status, order state; <see cref="Message"/> becomes the row's error when the run fails).
/// </summary>
public sealed record RunProgress(RunPhase Phase, int Done, int Total, OrderState? OrderState = null, string? Message = null);
