using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// The wait for the crowd, inside the run's orchestration: check the order's state, then a durable timer with capped
/// backoff, until the order ends, the run's deadline passes or the user cancels. A check that fails (Rapidata or storage
/// down) is "state unknown": recorded on the run, never a failure; the checks go on until the deadline. After
/// <see cref="PollsPerGeneration"/> checks it returns so the run can continue as new: history stays bounded however
/// long the crowd takes (a 7-day wait at a 5-minute poll is about 40 generations of a few hundred events each).
/// </summary>
internal static class CrowdWaiter
{
    public const int PollsPerGeneration = 50;

    /// <summary>Only for recording progress: a row that cannot be written now is written at the next change.</summary>
    private static readonly TaskOptions RecordRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1)));

    public static async Task<CrowdWaitResult> WaitAsync(TaskOrchestrationContext context, CrowdWait wait, Task<CancelRequest> cancel)
    {
        var step = new OrderStep(wait.RunId, wait.Order.Order.OrderId, wait.Order.Order.Flow);
        var state = wait.State;
        OrderStatus? status = null;
        for (var poll = 1; ; poll++)
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
                    $"next check in {state.NextInterval}.";
            }
            var last = status ?? Unknown(state);
            if (status?.State is OrderState.Completed or OrderState.Failed or OrderState.Cancelled)
                return new CrowdWaitResult(CrowdWaitOutcome.OrderEnded, status, state);
            if (status?.State == OrderState.StaleResults) await BestEffort.TryAsync(() => context.CallRetryOrderAsync(step, RecordRetries));
            state = await RecordChangeAsync(context, wait, state, status, message);

            var now = context.CurrentUtcDateTime;
            if (now >= wait.Order.Deadline) return new CrowdWaitResult(CrowdWaitOutcome.DeadlinePassed, last, state);
            var pause = state.NextInterval < wait.Order.Deadline - now ? state.NextInterval : wait.Order.Deadline - now;
            using (var timerCancel = new CancellationTokenSource())
            {
                var timer = context.CreateTimer(pause, timerCancel.Token);
                if (await Task.WhenAny(timer, cancel) == cancel)
                {
                    timerCancel.Cancel();
                    return new CrowdWaitResult(CrowdWaitOutcome.Cancelled, last, state, await cancel);
                }
            }
            state = state with { NextInterval = TimeSpan.FromTicks(Math.Min(state.NextInterval.Ticks * 2, wait.MaxInterval.Ticks)) };
            if (context.CurrentUtcDateTime >= wait.Order.Deadline) return new CrowdWaitResult(CrowdWaitOutcome.DeadlinePassed, last, state);
            if (poll >= PollsPerGeneration) return new CrowdWaitResult(CrowdWaitOutcome.ContinueAsNew, last, state);
        }
    }

    /// <summary>Only changes are recorded: a long wait in one state writes the row once.</summary>
    /// <remarks>Done/Total are the crowd's progress (matchups decided) when Rapidata reports it, else 0: never "100 %"
    /// while the crowd still votes.</remarks>
    private static async Task<CrowdWaitState> RecordChangeAsync(TaskOrchestrationContext context, CrowdWait wait, CrowdWaitState state,
        OrderStatus? status, string message)
    {
        var orderState = status?.State ?? state.LastState;
        var progress = new RunProgress(RunPhase.WaitingForCrowd, status?.CrowdDone ?? 0, status?.CrowdTotal ?? wait.Order.Matchups,
            orderState, message);
        context.SetCustomStatus(progress);
        if (orderState == state.LastState && message == state.LastMessage) return state;
        var checkpoint = new RunCheckpoint(wait.RunId, progress, context.CurrentUtcDateTime);
        await BestEffort.TryAsync(() => context.CallRecordRunAsync(checkpoint, RecordRetries));
        return state with { LastState = orderState, LastMessage = message };
    }

    private static OrderStatus Unknown(CrowdWaitState state) =>
        new(state.LastState ?? OrderState.Unknown, state.LastState?.ToString() ?? "unknown", null);

    private static string WaitingMessage(OrderStatus status) => status.State switch
    {
        OrderState.ManualReview => "Waiting: Rapidata is reviewing the order by hand (contact info@rapidata.ai if it takes long).",
        OrderState.Paused => "Waiting: the order is paused; resume it in Rapidata to continue.",
        OrderState.StaleResults => "Results were stale; asked Rapidata to regenerate them.",
        OrderState.Processing => "The crowd is voting.",
        _ => $"Waiting for the order (state {status.RawState}).",
    };
}
