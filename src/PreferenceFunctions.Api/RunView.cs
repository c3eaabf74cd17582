using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Api;

/// <summary>What <c>GET /api/runs/{runId}</c> returns: the run's row joined with the orchestration's live progress.</summary>
public sealed record RunView(
    string RunId,
    RunStatus? Status,
    RunPhase? Phase,
    RunProgress? Progress,
    string? Dataset,
    string? OrderId,
    OrderState? OrderState,
    int? MatchupCount,
    int? TotalVotes,
    string? Winner,
    string? Error,
    string? NotificationFailures,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    RunLinks Links);
