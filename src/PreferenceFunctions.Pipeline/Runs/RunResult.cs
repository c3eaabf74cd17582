using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>Output of a run: small, since it is kept in orchestration history. <see cref="OrderId"/> is the Rapidata order, or
/// in the job flow the job (the dataset id until the job exists); <see cref="DatasetId"/> is the Rapidata dataset.</summary>
public sealed record RunResult(
    string RunId,
    RunPhase Outcome,
    string? OrderId,
    int MatchupCount,
    string? Winner,
    string? Error,
    string? DatasetId = null);
