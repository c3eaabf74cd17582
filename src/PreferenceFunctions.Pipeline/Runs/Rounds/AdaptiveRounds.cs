using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Runs.Rounds;

/// <summary>
/// The follow-up rounds of an adaptive run, inside the run's orchestration once the first order's results are
/// downloaded: plan a round from the merged votes, run it as a sub-orchestration (<see cref="AdaptiveRoundOrchestrator"/>),
/// record it, and repeat until nothing is uncertain, the rounds are used, the extra-vote budget is spent, a round fails
/// or the user cancels (forwarded to the running round, which stops its order). Collect then merges every round's votes.
/// </summary>
internal static class AdaptiveRounds
{
    private static readonly TaskOptions Retries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <returns>The rounds as recorded, and the cancel that stopped them (null when they ended on their own).</returns>
    public static async Task<(RoundsLog Log, CancelRequest? Cancel)> RunAsync(TaskOrchestrationContext context, RunRequest run,
        SubmittedOrder paid, AdaptiveSettings adaptive, string resultsBlob, Task<CancelRequest> cancel)
    {
        var rounds = new List<RoundResult> { new(1, RoundOutcome.Collected, paid.Matchups, paid.Votes, paid.Order.OrderId, null) };
        for (var round = 2; ; round++)
        {
            if (round > adaptive.Rounds) return await RecordAsync(context, run, rounds, $"all {adaptive.Rounds} rounds used", null);
            if (cancel.IsCompleted)
                return await RecordAsync(context, run, rounds, $"cancelled before round {round}", await cancel);

            var votesLeft = adaptive.MaxExtraVotes - rounds.Where(r => r.Round > 1).Sum(r => r.Votes);
            var plan = await context.CallPlanRoundAsync(new PlanRoundInput(run.RunId, run.RunsContainer, round, resultsBlob,
                paid.ChunkBlobNames, adaptive, votesLeft), Retries);
            if (plan.NothingToOrder is { } nothing)
            {
                var why = nothing == RoundOutcome.BudgetSpent
                    ? $"extra-vote budget spent ({adaptive.MaxExtraVotes - votesLeft} of {adaptive.MaxExtraVotes})"
                    : $"nothing uncertain after round {round - 1} ({adaptive.Stop.ToString().ToLowerInvariant()})";
                return await RecordAsync(context, run, rounds, why, null);
            }

            var request = new RoundRequest(run.RunId, plan, run.DatasetsContainer, run.DatasetFolder, run.RunsContainer, run.PollInterval,
                run.MaxPollInterval, paid.Deadline, run.OnAbandon);
            var instanceId = RoundRequest.InstanceIdFor(run.RunId, round);
            var child = context.CallSubOrchestratorAsync<RoundResult>(nameof(AdaptiveRoundOrchestrator), request,
                new SubOrchestrationOptions { InstanceId = instanceId });
            CancelRequest? cancelled = null;
            if (await Task.WhenAny(child, cancel) == cancel)
            {
                cancelled = await cancel;
                context.SendEvent(instanceId, CancelRequest.EventName, cancelled); // the round stops its own order
            }
            var result = await child;
            rounds.Add(result);
            if (result.Outcome == RoundOutcome.Cancelled)
                return await RecordAsync(context, run, rounds, $"cancelled during round {round}", cancelled ?? new CancelRequest(run.OnAbandon, result.Message ?? "cancelled"));
            if (result.Outcome != RoundOutcome.Collected)
                return await RecordAsync(context, run, rounds, result.Message ?? $"round {round} failed", null);
            await RecordAsync(context, run, rounds, stoppedBecause: null, null);
        }
    }

    private static async Task<(RoundsLog, CancelRequest?)> RecordAsync(TaskOrchestrationContext context, RunRequest run,
        List<RoundResult> rounds, string? stoppedBecause, CancelRequest? cancel)
    {
        var log = new RoundsLog(run.RunId, rounds.ToList(), stoppedBecause);
        await BestEffort.TryAsync(() => context.CallRecordRoundsAsync(new RecordRoundsInput(run.RunsContainer, log), Retries));
        return (log, cancel);
    }
}
