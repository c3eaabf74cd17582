using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs.Rounds;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// One run, top to bottom: Stage the dataset -> create the Rapidata Order -> Upload the chunks -> submit -> wait for the
/// crowd (<see cref="CrowdWaiter"/>) -> Collect the results into tables -> Report -> Notify. Deterministic:
/// all I/O is in activities, time comes from the context, only blob names and small records travel through history.
/// Every step is recorded on the run's row through the ledger; the same <see cref="RunProgress"/> is the custom status.
/// Once the order is submitted it is paid for: from then on failures are retried until the run's deadline, and a run
/// that gives up pauses or deletes its order (<see cref="RunRequest.OnAbandon"/>) so nothing keeps spending unseen.
/// The wait continues as new with a <see cref="SubmittedOrder"/> (bounded history); a cancel arrives as the external
/// event <see cref="CancelRequest.EventName"/> and the orchestration stops its own order. An adaptive run tops up its
/// uncertain matchups in follow-up rounds (<see cref="AdaptiveRounds"/>) before Collect merges every round's votes.
/// </summary>
public sealed partial class PreferenceRunOrchestrator : TaskOrchestrator<RunRequest, RunResult>
{
    /// <summary>
    /// The version a waiting run carries from its next ContinueAsNew on. Bump it when a change would not replay the
    /// histories of waiting runs, and branch on <c>context.Version</c> until the old ones have moved on (docs/upgrades.md).
    /// </summary>
    public const string CurrentVersion = "1";

    /// <summary>Before submit nothing is paid yet: a few quick retries, then the run fails cheaply and says why.</summary>
    private static readonly TaskOptions BeforeSubmit = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>After submit one attempt's own retries; the orchestrator retries on top until the deadline.</summary>
    private static readonly TaskOptions AfterSubmit = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <summary>How long the tail (download, tables) keeps retrying after the crowd finished, even past the deadline.</summary>
    private static readonly TimeSpan TailGrace = TimeSpan.FromHours(6);

    private const int MaxStaleDownloads = 3;

    public override async Task<RunResult> RunAsync(TaskOrchestrationContext context, RunRequest run)
    {
        var log = context.CreateReplaySafeLogger<PreferenceRunOrchestrator>();
        var cancel = context.WaitForExternalEvent<CancelRequest>(CancelRequest.EventName);
        var paid = run.Submitted;
        OrderReference? order = paid?.Order;
        var matchups = paid?.Matchups ?? 0;
        var webhook = paid?.Webhook;
        UploadTotals? uploaded = null; // what the chunks did so far, for an end before submit (the row gets their calls too)
        try
        {
            if (paid is null)
            {
                await RecordAsync(context, run.RunId, new RunProgress(RunPhase.Validating, 0, 0));
                var staged = await context.CallLoadDatasetAsync(
                    new StageDatasetRequest(run.DatasetsContainer, run.DatasetFolder, run.RunId, run.RunsContainer, run.Overrides),
                    BeforeSubmit);
                matchups = staged.MatchupCount;
                webhook = staged.Settings.Webhook;
                if (staged.SameAsRun is { } earlier)
                {
                    // Byte-identical to a run that completed: nothing is ordered, that run answers for this one (the row's SameAsRun).
                    await RecordEndAsync(context, run.RunId, RunPhase.Completed, matchups,
                        $"Identical to run {earlier}, which completed: nothing was ordered; its results answer this upload.");
                    return new RunResult(run.RunId, RunPhase.Completed, OrderId: null, matchups, Winner: null, Error: null);
                }
                if (!staged.Accepted)
                {
                    var reason = $"The dataset was rejected with {staged.ErrorCount} error(s); every problem is at " +
                        $"GET /api/runs/{run.RunId}/validation (and in {run.RunsContainer}/{staged.ReportBlobName}).";
                    return await EndAsync(context, run, RunPhase.Rejected, RunEventTypes.DatasetRejected, reason, webhook, matchups,
                        order: null);
                }
                if (cancel.IsCompleted) return await CancelBeforeSubmitAsync(context, run, order, await cancel, webhook, matchups);
                await NotifyAsync(context, run.RunId, RunEventTypes.RunStarted, RunPhase.CreatingOrder, null, webhook);

                await RecordAsync(context, run.RunId, new RunProgress(RunPhase.CreatingOrder, 0, matchups));
                order = await context.CallCreateOrderAsync(new CreateOrderInput(run.RunId, staged.Settings), BeforeSubmit);
                if (cancel.IsCompleted) return await CancelBeforeSubmitAsync(context, run, order, await cancel, webhook, matchups);

                var uploads = await UploadChunksAsync(context, run, staged, order, cancel, totals => uploaded = totals);
                if (cancel.IsCompleted) return await CancelBeforeSubmitAsync(context, run, order, await cancel, webhook, matchups, uploads);

                await RecordAsync(context, run.RunId, new RunProgress(RunPhase.Submitting, matchups, matchups), uploads);
                // From here on the crowd is paid for.
                paid = new SubmittedOrder(order, matchups, staged.ChunkBlobNames, webhook, context.CurrentUtcDateTime + run.Deadline,
                    staged.Settings.Adaptive, matchups * staged.Settings.ResponsesPerMatchup);
                // The job flow's job exists from here on and is the run's order; runs submitted before jobs were returned keep the dataset id.
                if ((await context.CallSubmitOrderAsync(new OrderStep(run.RunId, order.OrderId, order.Flow), AfterSubmit)).JobId is { } jobId)
                {
                    order = order with { OrderId = jobId };
                    paid = paid with { Order = order };
                }
            }
            else if (run.Waiting is null)
            {
                // Resumed by the user (RunResumer): the order may have been paused when the run gave up on it.
                await RecordAsync(context, run.RunId, new RunProgress(RunPhase.WaitingForCrowd, matchups, matchups,
                    Message: "Resumed: resuming the order."));
                await context.CallResumeOrderAsync(new OrderStep(run.RunId, paid.Order.OrderId, paid.Order.Flow), AfterSubmit);
            }
            return await WaitAndCollectAsync(context, run, paid, run.Waiting ?? CrowdWaitState.Start(run.PollInterval), cancel);
        }
        catch (TaskFailedException failure)
        {
            var reason = failure.FailureDetails.ErrorMessage;
            LogFailed(log, run.RunId, reason);
            return paid is not null
                ? await GiveUpAsync(context, run, paid.Order, run.OnAbandon, reason, webhook, matchups, RunPhase.Failed)
                : await EndAsync(context, run, RunPhase.Failed, RunEventTypes.RunFailed, reason, webhook, matchups, order, uploaded);
        }
    }

    /// <summary>
    /// The paid part: wait for the crowd (continuing as new every <see cref="CrowdWaiter.PollsPerGeneration"/> checks), then
    /// download the results, write the tables (the run is Completed from then on), the report and the events.
    /// </summary>
    private static async Task<RunResult> WaitAndCollectAsync(TaskOrchestrationContext context, RunRequest run, SubmittedOrder paid,
        CrowdWaitState waiting, Task<CancelRequest> cancel)
    {
        var log = context.CreateReplaySafeLogger<PreferenceRunOrchestrator>();
        var (runId, order, matchups, webhook) = (run.RunId, paid.Order, paid.Matchups, paid.Webhook);
        var step = new OrderStep(runId, order.OrderId, order.Flow);
        string? resultsBlob = null;
        while (resultsBlob is null)
        {
            var waited = await CrowdWaiter.WaitAsync(context, new CrowdWait
            {
                RunId = runId, Order = paid, State = waiting, MaxInterval = run.MaxPollInterval,
            }, cancel);
            var final = waited.Last;
            switch (waited.Outcome)
            {
                case CrowdWaitOutcome.ContinueAsNew:
                    context.ContinueAsNew(new ContinueAsNewOptions
                    {
                        NewInput = run with { Submitted = paid, Waiting = waited.State with { Generation = waited.State.Generation + 1 } },
                        PreserveUnprocessedEvents = true, // a cancel sent in between is not lost
                        NewVersion = CurrentVersion,
                    });
                    return new RunResult(runId, RunPhase.WaitingForCrowd, order.OrderId, matchups, Winner: null, Error: null, order.DatasetId);
                case CrowdWaitOutcome.Cancelled:
                    var cancelled = waited.Cancel!;
                    return await GiveUpAsync(context, run, order, cancelled.Action, cancelled.Reason, webhook, matchups, RunPhase.Cancelled);
                case CrowdWaitOutcome.DeadlinePassed:
                    var late = $"The order did not complete before the run's deadline ({paid.Deadline:u}); last state {final.RawState}.";
                    return await GiveUpAsync(context, run, order, run.OnAbandon, late, webhook, matchups, RunPhase.Failed);
            }
            if (final.State != OrderState.Completed)
            {
                var reason = final.FailureMessage ?? $"The Rapidata order ended in state {final.RawState}.";
                var phase = final.State == OrderState.Cancelled ? RunPhase.Cancelled : RunPhase.Failed;
                return await EndAsync(context, run, phase, RunEventTypes.RunFailed, reason, webhook, matchups, order);
            }
            if (waited.State.StaleDownloads >= MaxStaleDownloads)
            {
                var reason = $"Rapidata reported stale results {MaxStaleDownloads} times; " +
                    $"download them later with the order id {order.OrderId}.";
                return await EndAsync(context, run, RunPhase.Failed, RunEventTypes.RunFailed, reason, webhook, matchups, order);
            }
            await RecordAsync(context, runId, new RunProgress(RunPhase.Downloading, matchups, matchups, OrderState.Completed));
            resultsBlob = await UntilDeadlineAsync(context, runId, RunPhase.Downloading, matchups, TailDeadline(context, paid), run,
                () => context.CallDownloadResultsAsync(step, AfterSubmit));
            // Results found stale at download time are regenerated by Rapidata; then the wait starts over.
            waiting = waited.State with { StaleDownloads = waited.State.StaleDownloads + 1, NextInterval = run.PollInterval };
        }

        if (paid.Adaptive is { } adaptive
            && (await AdaptiveRounds.RunAsync(context, run, paid, adaptive, resultsBlob, cancel)).Cancel is { } cancelledInRound)
            return await EndAsync(context, run, RunPhase.Cancelled, RunEventTypes.RunFailed, cancelledInRound.Reason, webhook, matchups, order);

        await RecordAsync(context, runId, new RunProgress(RunPhase.WritingResults, matchups, matchups, OrderState.Completed));
        var collect = new WriteResultsInput(runId, run.RunsContainer, resultsBlob, paid.ChunkBlobNames);
        var summary = await UntilDeadlineAsync(context, runId, RunPhase.WritingResults, matchups, TailDeadline(context, paid), run,
            () => context.CallWriteResultsAsync(collect, AfterSubmit));

        // The results are in the tables: the run is Completed whatever happens next (the ledger keeps the first end).
        await RecordEndAsync(context, runId, RunPhase.Completed, matchups, error: null);
        await BestEffort.TryAsync(() => context.CallRenderReportAsync(collect, AfterSubmit));
        await BestEffort.TryAsync(() => context.CallAddToLeaderboardAsync(collect, AfterSubmit));
        await NotifyAsync(context, runId, RunEventTypes.RunCompleted, RunPhase.Completed, null, webhook);
        LogCompleted(log, runId, order.OrderId, summary.Matchups, summary.Winner);
        return new RunResult(runId, RunPhase.Completed, order.OrderId, summary.Matchups, summary.Winner, null, order.DatasetId);
    }

    /// <summary>Cancelled before submit: nothing is paid yet, so an order already created is deleted whatever was asked.</summary>
    private static async Task<RunResult> CancelBeforeSubmitAsync(TaskOrchestrationContext context, RunRequest run, OrderReference? order,
        CancelRequest cancel, string? webhook, int matchups, UploadTotals? uploads = null)
    {
        if (order is not null)
            return await GiveUpAsync(context, run, order, OrderAbandonAction.Delete, cancel.Reason, webhook, matchups, RunPhase.Cancelled,
                uploads);
        return await EndAsync(context, run, RunPhase.Cancelled, RunEventTypes.RunFailed, cancel.Reason, webhook, matchups, order);
    }

    /// <summary>Fan-out over the manifest's chunks with at most <see cref="RunRequest.UploadConcurrency"/> in flight;
    /// a cancel stops new chunks from starting (the ones in flight finish). The totals so far go to <paramref name="uploaded"/>
    /// after every chunk: a run that ends before submit records them (a failed chunk ends the run at once, so the calls of
    /// chunks still in flight then are not on its row).</summary>
    private static async Task<UploadTotals> UploadChunksAsync(TaskOrchestrationContext context, RunRequest run, StagedDataset staged,
        OrderReference order, Task<CancelRequest> cancel, Action<UploadTotals> uploaded)
    {
        var chunks = staged.ChunkBlobNames;
        var inFlight = new List<Task<UploadChunkResult>>();
        var matchupsDone = 0;
        var totals = UploadTotals.None;
        await RecordAsync(context, run.RunId, new RunProgress(RunPhase.Uploading, 0, staged.MatchupCount));
        for (var index = 0; index < chunks.Count || inFlight.Count > 0;)
        {
            while (index < chunks.Count && inFlight.Count < Math.Max(1, run.UploadConcurrency) && !cancel.IsCompleted)
            {
                var input = new UploadChunkInput(run.RunId, run.DatasetsContainer, run.DatasetFolder, run.RunsContainer,
                    chunks[index], index, order.DatasetId, CallsInResult: true);
                inFlight.Add(context.CallUploadChunkAsync(input, BeforeSubmit));
                index++;
            }
            if (inFlight.Count == 0) break; // cancelled
            var finished = await Task.WhenAny(inFlight);
            inFlight.Remove(finished);
            var result = await finished;
            matchupsDone += result.Matchups;
            totals = new UploadTotals(totals.Chunks + 1, totals.AssetsUploaded + result.AssetsUploaded,
                totals.AssetsReused + result.AssetsReused, totals.DatapointsCreated + result.DatapointsCreated,
                totals.RapidataCalls + result.RapidataCalls, totals.RapidataRetries + result.RapidataRetries);
            uploaded(totals);
            context.SetCustomStatus(new RunProgress(RunPhase.Uploading, matchupsDone, staged.MatchupCount, OrderState.Created,
                $"Uploaded {totals.Chunks} of {chunks.Count} chunks"));
        }
        return totals;
    }

    /// <summary>A paid step: retried with capped backoff (each failure recorded) until <paramref name="until"/>, then it fails.</summary>
    private static async Task<T> UntilDeadlineAsync<T>(TaskOrchestrationContext context, string runId, RunPhase phase, int matchups,
        DateTime until, RunRequest run, Func<Task<T>> call)
    {
        var interval = run.PollInterval;
        while (context.CurrentUtcDateTime + interval < until)
        {
            try
            {
                return await call();
            }
            catch (TaskFailedException failure)
            {
                var message = $"{phase} failed ({failure.FailureDetails.ErrorMessage}); retrying in {interval}.";
                await RecordAsync(context, runId, new RunProgress(phase, matchups, matchups, OrderState.Completed, message));
                await context.CreateTimer(interval, CancellationToken.None);
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, run.MaxPollInterval.Ticks));
            }
        }
        return await call(); // the last attempt: its failure fails the run
    }

    /// <summary>The run gives up on its order: pause, delete or keep it (and record which), then end.</summary>
    private static async Task<RunResult> GiveUpAsync(TaskOrchestrationContext context, RunRequest run, OrderReference order,
        OrderAbandonAction action, string reason, string? webhook, int matchups, RunPhase phase, UploadTotals? uploads = null)
    {
        string? abandoned = null;
        await BestEffort.TryAsync(async () => abandoned = await context.CallAbandonOrderAsync(
            new AbandonOrderInput(run.RunId, order.OrderId, action, reason), AfterSubmit));
        var error = abandoned is null ? reason : $"{reason} The order was {abandoned}.";
        return await EndAsync(context, run, phase, RunEventTypes.RunFailed, error, webhook, matchups, order, uploads);
    }

    /// <summary>Progress on the row and in the custom status. Best effort: a row not written now is written at the next step.</summary>
    private static async Task RecordAsync(TaskOrchestrationContext context, string runId, RunProgress progress,
        UploadTotals? uploads = null)
    {
        context.SetCustomStatus(progress);
        var checkpoint = new RunCheckpoint(runId, progress, context.CurrentUtcDateTime, uploads);
        await BestEffort.TryAsync(() => context.CallRecordRunAsync(checkpoint, BeforeSubmit));
    }

    /// <summary>The end of the run on its row: retried like a paid step, since the row is how users learn the outcome. An end
    /// before submit brings the upload totals so far (<paramref name="uploads"/>).</summary>
    private static Task RecordEndAsync(TaskOrchestrationContext context, string runId, RunPhase phase, int matchups, string? error,
        UploadTotals? uploads = null)
    {
        var progress = new RunProgress(phase, phase == RunPhase.Completed ? matchups : 0, matchups,
            Message: error ?? $"Run {phase.ToString().ToLowerInvariant()}.");
        context.SetCustomStatus(progress);
        return context.CallRecordRunAsync(new RunCheckpoint(runId, progress, context.CurrentUtcDateTime, uploads), AfterSubmit);
    }

    /// <summary>Records the run's end (the ledger keeps the first end it sees), announces it, and returns the run's result.</summary>
    private static async Task<RunResult> EndAsync(TaskOrchestrationContext context, RunRequest run, RunPhase phase, string eventType,
        string? error, string? webhook, int matchups, OrderReference? order, UploadTotals? uploads = null)
    {
        await RecordEndAsync(context, run.RunId, phase, matchups, error, uploads);
        await NotifyAsync(context, run.RunId, eventType, phase, error, webhook);
        return new RunResult(run.RunId, phase, order?.OrderId, matchups, Winner: null, error, order?.DatasetId);
    }

    /// <summary>Events are best effort: a sink that fails is recorded on the row by the activity; a failed activity is skipped.</summary>
    private static async Task NotifyAsync(TaskOrchestrationContext context, string runId, string eventType, RunPhase phase, string? error,
        string? webhook)
    {
        var input = new NotifyInput(runId, eventType, phase, context.CurrentUtcDateTime, error, webhook);
        await BestEffort.TryAsync(() => context.CallNotifyAsync(input, BeforeSubmit));
    }

    /// <summary>The tail (download, tables) keeps retrying until the deadline, and at least <see cref="TailGrace"/> from now.</summary>
    private static DateTime TailDeadline(TaskOrchestrationContext context, SubmittedOrder paid)
    {
        var grace = context.CurrentUtcDateTime + TailGrace;
        return paid.Deadline > grace ? paid.Deadline : grace;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} completed: order {OrderId}, {Matchups} matchups, winner {Winner}")]
    private static partial void LogCompleted(ILogger logger, string runId, string orderId, int matchups, string? winner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string runId, string reason);
}
