using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Runs.Rounds;

/// <summary>
/// One follow-up round of an adaptive run, as a sub-orchestration: create the round's order, upload its planned chunk
/// (the same images: the media asset log knows them, 0 bytes uploaded again), submit, wait through <see cref="CrowdWaiter"/>
/// (continuing as new like the run), download the results into the round's folder. The paid-run rules of the run hold:
/// before submit a cancel or failure deletes the order; after submit failures are retried until the deadline, and a
/// run that gives up (deadline, cancel: the parent forwards <see cref="CancelRequest.EventName"/>) stops the order.
/// </summary>
public sealed class AdaptiveRoundOrchestrator : TaskOrchestrator<RoundRequest, RoundResult>
{
    private static readonly TaskOptions BeforeSubmit = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(1)));

    private static readonly TaskOptions AfterSubmit = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(5)));

    public override async Task<RoundResult> RunAsync(TaskOrchestrationContext context, RoundRequest request)
    {
        var cancel = context.WaitForExternalEvent<CancelRequest>(CancelRequest.EventName);
        var plan = request.Plan;
        var step = new RoundStep(request.RunId, request.RunsContainer, plan.Round);
        var paid = request.Submitted;
        OrderReference? order = paid?.Order;
        try
        {
            if (paid is null)
            {
                await RecordAsync(context, request, RunPhase.Uploading, $"Round {plan.Round}: ordering {plan.Votes} more votes " +
                    $"for {plan.Matchups} uncertain matchups.");
                order = await context.CallCreateRoundOrderAsync(step, BeforeSubmit);
                if (cancel.IsCompleted) return await StopAsync(context, request, order, OrderAbandonAction.Delete, await cancel);
                await context.CallUploadChunkAsync(new UploadChunkInput(request.RunId, request.DatasetsContainer, request.DatasetFolder,
                    request.RunsContainer, plan.ChunkBlobName!, 0, order.DatasetId, RoundBlobs.Folder(request.RunId, plan.Round)), BeforeSubmit);
                if (cancel.IsCompleted) return await StopAsync(context, request, order, OrderAbandonAction.Delete, await cancel);
                paid = new SubmittedOrder(order, plan.Matchups, [plan.ChunkBlobName!], Webhook: null, request.Deadline);
                await context.CallSubmitRoundOrderAsync(step with { OrderId = order.OrderId }, AfterSubmit);
            }
            return await WaitAndDownloadAsync(context, request, paid, request.Waiting ?? CrowdWaitState.Start(request.PollInterval), cancel);
        }
        catch (TaskFailedException failure)
        {
            var reason = $"Round {plan.Round} failed: {failure.FailureDetails.ErrorMessage}";
            if (order is not null)
                await AbandonAsync(context, request, order, paid is null ? OrderAbandonAction.Delete : request.OnAbandon, reason);
            return Result(plan, RoundOutcome.Failed, order, reason);
        }
    }

    private static async Task<RoundResult> WaitAndDownloadAsync(TaskOrchestrationContext context, RoundRequest request,
        SubmittedOrder paid, CrowdWaitState waiting, Task<CancelRequest> cancel)
    {
        var plan = request.Plan;
        var step = new RoundStep(request.RunId, request.RunsContainer, plan.Round, paid.Order.OrderId);
        while (true)
        {
            var waited = await CrowdWaiter.WaitAsync(context, new CrowdWait
            {
                RunId = request.RunId, Order = paid, State = waiting, MaxInterval = request.MaxPollInterval,
            }, cancel);
            switch (waited.Outcome)
            {
                case CrowdWaitOutcome.ContinueAsNew:
                    context.ContinueAsNew(new ContinueAsNewOptions
                    {
                        NewInput = request with { Submitted = paid, Waiting = waited.State with { Generation = waited.State.Generation + 1 } },
                        PreserveUnprocessedEvents = true, // a cancel forwarded in between is not lost
                    });
                    return Result(plan, RoundOutcome.Collected, paid.Order, "continued as new");
                case CrowdWaitOutcome.Cancelled:
                    return await StopAsync(context, request, paid.Order, waited.Cancel!.Action, waited.Cancel);
                case CrowdWaitOutcome.DeadlinePassed:
                    var late = $"Round {plan.Round}: the order did not complete before the run's deadline ({paid.Deadline:u}).";
                    await AbandonAsync(context, request, paid.Order, request.OnAbandon, late);
                    return Result(plan, RoundOutcome.Failed, paid.Order, late);
            }
            if (waited.Last.State != OrderState.Completed)
                return Result(plan, RoundOutcome.Failed, paid.Order,
                    $"Round {plan.Round}: {waited.Last.FailureMessage ?? $"the order ended in state {waited.Last.RawState}."}");
            await RecordAsync(context, request, RunPhase.Downloading, $"Round {plan.Round}: downloading the votes.");
            if (await context.CallDownloadRoundResultsAsync(step, AfterSubmit) is not null)
                return Result(plan, RoundOutcome.Collected, paid.Order, null);
            waiting = waited.State with { StaleDownloads = waited.State.StaleDownloads + 1, NextInterval = request.PollInterval };
        }
    }

    /// <summary>Cancelled: before submit the order is deleted whatever was asked (nothing is paid yet).</summary>
    private static async Task<RoundResult> StopAsync(TaskOrchestrationContext context, RoundRequest request, OrderReference order,
        OrderAbandonAction action, CancelRequest cancel)
    {
        var reason = $"Round {request.Plan.Round} cancelled: {cancel.Reason}";
        await AbandonAsync(context, request, order, action, reason);
        return Result(request.Plan, RoundOutcome.Cancelled, order, reason);
    }

    /// <returns>False when the order could not be stopped (the activity recorded why on the run's row).</returns>
    private static Task<bool> AbandonAsync(TaskOrchestrationContext context, RoundRequest request, OrderReference order,
        OrderAbandonAction action, string reason) =>
        BestEffort.TryAsync(() => context.CallAbandonOrderAsync(
            new AbandonOrderInput(request.RunId, order.OrderId, action, reason, order.Flow), AfterSubmit));

    private static async Task RecordAsync(TaskOrchestrationContext context, RoundRequest request, RunPhase phase, string message)
    {
        var progress = new RunProgress(phase, 0, request.Plan.Matchups, Message: message);
        context.SetCustomStatus(progress);
        await BestEffort.TryAsync(() => context.CallRecordRunAsync(
            new RunCheckpoint(request.RunId, progress, context.CurrentUtcDateTime), BeforeSubmit));
    }

    private static RoundResult Result(RoundPlan plan, RoundOutcome outcome, OrderReference? order, string? message) =>
        new(plan.Round, outcome, plan.Matchups, outcome == RoundOutcome.Collected ? plan.Votes : 0, order?.OrderId, message);
}
