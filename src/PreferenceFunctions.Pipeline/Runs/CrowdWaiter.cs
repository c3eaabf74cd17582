using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// The wait for the crowd, inside the run's orchestration: check the order's state, then a durable timer with capped
/// backoff, until the order ends or the run's deadline passes. A check that fails (Rapidata or storage down) is "state
/// unknown": recorded on the run, never a failure; the checks go on until the deadline.
/// </summary>
internal static class CrowdWaiter
{
    /// <summary>Only for recording progress: a row that cannot be written now is written at the next change.</summary>
    private static readonly TaskOptions RecordRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1)));

    public static async Task<CrowdWaitResult> WaitAsync(TaskOrchestrationContext context, CrowdWait wait)
    {
        var step = new OrderStep(wait.RunId, wait.OrderId);
        var interval = wait.Interval;
        OrderStatus? status = null;
        OrderState? lastState = null;
        string? lastMessage = null;
        do
        {
            string message;
            try
            {
                // One attempt: the client already retried inside it, and this loop is the retry with backoff.
                status = await context.CallGetOrderStatusAsync(step);
                message = status.Message ?? WaitingMessage(status);
            }
            catch (TaskFailedException failure)
            {
                status = null;
                message = $"State unknown: Rapidata could not be asked ({failure.FailureDetails.ErrorMessage}); still waiting, " +
                    $"next check in {interval}.";
            }
            if (status?.State is OrderState.Completed or OrderState.Failed or OrderState.Cancelled)
                return new CrowdWaitResult(status, DeadlinePassed: false);
            if (status?.State == OrderState.StaleResults) await BestEffort.TryAsync(() => context.CallRetryOrderAsync(step, RecordRetries));

            // Only changes are recorded: a long wait in one state writes the row once.
            var state = status?.State ?? lastState;
            if (state != lastState || message != lastMessage)
            {
                var progress = new RunProgress(RunPhase.WaitingForCrowd, wait.Matchups, wait.Matchups, state, message);
                context.SetCustomStatus(progress);
                var checkpoint = new RunCheckpoint(wait.RunId, progress, context.CurrentUtcDateTime);
                await BestEffort.TryAsync(() => context.CallRecordRunAsync(checkpoint, RecordRetries));
                (lastState, lastMessage) = (state, message);
            }

            var now = context.CurrentUtcDateTime;
            var pause = interval < wait.Deadline - now ? interval : wait.Deadline - now;
            if (pause > TimeSpan.Zero) await context.CreateTimer(pause, CancellationToken.None);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, wait.MaxInterval.Ticks));
        }
        while (context.CurrentUtcDateTime < wait.Deadline);

        var last = status ?? new OrderStatus(lastState ?? OrderState.Unknown, lastState?.ToString() ?? "unknown", null);
        return new CrowdWaitResult(last, DeadlinePassed: true);
    }

    private static string WaitingMessage(OrderStatus status) => status.State switch
    {
        OrderState.ManualReview => "Waiting: Rapidata is reviewing the order by hand (contact info@rapidata.ai if it takes long).",
        OrderState.Paused => "Waiting: the order is paused; resume it in Rapidata to continue.",
        OrderState.StaleResults => "Results were stale; asked Rapidata to regenerate them.",
        OrderState.Processing => "The crowd is voting.",
        _ => $"Waiting for the order (state {status.RawState}).",
    };
}
