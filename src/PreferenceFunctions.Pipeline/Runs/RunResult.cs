using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>Output of a run: small, since it is kept in orchestration history.</summary>
public sealed record RunResult(
    string RunId,
    RunPhase Outcome,
    string? OrderId,
    int MatchupCount,
    string? Winner,
    string? Error);
