using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Pipeline.Steps.Report;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Rebuilds a run's tables and report from its stored <c>results.json</c> (nothing is asked of Rapidata, nothing is
/// paid): the same WriteResults and RenderReport steps as the run's tail. Started by <see cref="RunResumer"/> under the
/// instance id <see cref="RunResumer.ReaggregateInstanceId"/>; the run is Completed once the tables are written.
/// </summary>
public sealed class ReaggregateOrchestrator : TaskOrchestrator<WriteResultsInput, RunResult>
{
    private static readonly TaskOptions Retries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<RunResult> RunAsync(TaskOrchestrationContext context, WriteResultsInput input)
    {
        var summary = await context.CallWriteResultsAsync(input, Retries);
        var done = new RunProgress(RunPhase.Completed, summary.Matchups, summary.Matchups,
            Message: "Tables rebuilt from the stored results.json.");
        await context.CallRecordRunAsync(new RunCheckpoint(input.RunId, done, context.CurrentUtcDateTime), Retries);
        await BestEffort.TryAsync(() => context.CallRenderReportAsync(input, Retries));
        await BestEffort.TryAsync(() => context.CallAddToLeaderboardAsync(input, Retries));
        return new RunResult(input.RunId, RunPhase.Completed, null, summary.Matchups, summary.Winner, null);
    }
}
