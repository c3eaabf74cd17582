using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Shared;

namespace PreferenceFunctions.Api;

/// <summary>What <c>GET /api/runs/{runId}</c> returns: the run's row joined with the orchestration's live progress.</summary>
public sealed record RunView(
    string RunId,
    string? Status,
    string? Phase,
    RunProgress? Progress,
    string? Dataset,
    string? OrderId,
    string? OrderState,
    int? MatchupCount,
    int? TotalVotes,
    string? Winner,
    string? Error,
    string? NotificationFailures,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    RunLinks Links);
