using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Api;

/// <summary>What <c>GET /api/runs/{runId}</c> returns: the run's row joined with the orchestration's live progress; in the job
/// flow also the job's own state (e.g. ManualApproval, SpendLimited) and Rapidata's cost estimate when it gave one. For a run
/// whose dataset repeats a completed run's byte for byte, the completed run's view, with <see cref="RequestedRunId"/> (the id
/// asked for) and a <see cref="Note"/> saying so.
/// <see cref="Winner"/> is set only when the top model's interval lies wholly above every other's; <see cref="Leaders"/> lists
/// the models tied at the top. <see cref="VotesOrdered"/> is matchups × responses per matchup.</summary>
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
    RunLinks Links,
    RapidataFlow? Flow = null,
    string? JobState = null,
    double? EstimatedCost = null,
    string? RequestedRunId = null,
    string? Note = null,
    RunUsage? Usage = null,
    IReadOnlyList<string>? Leaders = null,
    int? VotesOrdered = null);
