using PreferenceFunctions.Pipeline.Kernel.Telemetry;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>
/// The run counters, recorded where a run's facts change: after the ledger's write succeeded, from what the row was
/// before to what it is now. A repeated write changes nothing, so it counts nothing.
/// </summary>
internal static class RunMetrics
{
    public readonly record struct RunFacts(RunStatus? Status, RunPhase? Phase, OrderState? OrderState, int? MatchupCount, int? TotalVotes);

    public static RunFacts Facts(PreferenceRunEntity row) => new(row.Status, row.Phase, row.OrderState, row.MatchupCount, row.TotalVotes);

    public static void Record(RunFacts before, PreferenceRunEntity after)
    {
        var ended = before.Status is { } status && status.IsTerminal();
        if (!ended && before.Phase != RunPhase.Validating && after.Phase == RunPhase.Validating) PipelineTelemetry.RunsStarted.Add(1);
        if (!ended && after.Status is { } now && now.IsTerminal())
        {
            PipelineTelemetry.RunsEnded.Add(1, new("preference.run.status", now.ToString()),
                new("preference.run.ended_in", before.Phase?.ToString()));
        }
        if (after.OrderState is { } state && state != before.OrderState)
        {
            PipelineTelemetry.OrderTransitions.Add(1, new("preference.order.from", before.OrderState?.ToString()),
                new("preference.order.to", state.ToString()));
        }
        if (before.MatchupCount is null && after.MatchupCount is { } matchups && after.VotesOrdered is not null)
            PipelineTelemetry.MatchupsStaged.Add(matchups);
        if (before.TotalVotes is null && after.TotalVotes is { } votes) PipelineTelemetry.VotesReceived.Add(votes);
    }
}
