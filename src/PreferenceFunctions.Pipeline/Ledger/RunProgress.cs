namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>The orchestration's custom status: what a user watching the run sees at every step.</summary>
public sealed record RunProgress(RunPhase Phase, int Done, int Total, string? OrderState, string? Message);
