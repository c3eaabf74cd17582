using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Pipeline.Activities;
using PreferenceFunctions.Pipeline.Datasets;
using PreferenceFunctions.Pipeline.Notifications;
using PreferenceFunctions.Pipeline.Runs;

namespace PreferenceFunctions.Pipeline.Orchestrations;

/// <summary>
/// One run: dataset -> Rapidata order -> durable wait -> results in tables -> events. Deterministic: all I/O is
/// in activities, time comes from the context, and only blob names and small records travel through history.
/// </summary>
public sealed class PreferenceRunOrchestrator : TaskOrchestrator<RunRequest, RunResult>
{
    private static readonly TaskOptions Retries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(1)));

    public override async Task<RunResult> RunAsync(TaskOrchestrationContext context, RunRequest run)
    {
        var log = context.CreateReplaySafeLogger<PreferenceRunOrchestrator>();
        var runId = run.RunId;
        OrderReference? order = null;
        var matchups = 0;
        string? webhook = null;
        try
        {
            await Record(context, new RunUpdate(runId, RunPhase.Validating, At: context.CurrentUtcDateTime), 0, 0, null);
            var staged = await context.CallActivityAsync<StagedDataset>(nameof(LoadDatasetActivity), run, Retries);
            matchups = staged.MatchupCount;
            webhook = staged.Settings.Webhook;
            if (!staged.Accepted)
            {
                var reason = $"The dataset was rejected with {staged.ErrorCount} error(s); see {staged.ReportBlobName}.";
                await Finish(context, runId, RunPhase.Rejected, RunEventTypes.DatasetRejected, reason, webhook);
                return new RunResult(runId, RunPhase.Rejected, null, matchups, null, reason);
            }
            await Notify(context, runId, RunEventTypes.RunStarted, RunPhase.CreatingOrder, null, webhook);

            await Record(context, new RunUpdate(runId, RunPhase.CreatingOrder), 0, staged.ChunkBlobNames.Count, null);
            order = await context.CallActivityAsync<OrderReference>(
                nameof(CreateOrderActivity), new CreateOrderInput(runId, staged.Settings), Retries);

            await UploadChunksAsync(context, run, staged, order);

            await Record(context, new RunUpdate(runId, RunPhase.Submitting), matchups, matchups, null);
            await context.CallActivityAsync(nameof(SubmitOrderActivity), new OrderStep(runId, order.OrderId), Retries);

            var final = await WaitForOrderAsync(context, run, order, matchups);
            if (final.State != "Completed")
            {
                var reason = final.FailureMessage ?? $"The Rapidata order ended in state {final.State}.";
                var phase = final.State == "Cancelled" ? RunPhase.Cancelled : RunPhase.Failed;
                await Finish(context, runId, phase, RunEventTypes.RunFailed, reason, webhook);
                return new RunResult(runId, phase, order.OrderId, matchups, null, reason);
            }

            await Record(context, new RunUpdate(runId, RunPhase.Downloading, "Completed"), matchups, matchups, "Completed");
            var resultsBlob = await context.CallActivityAsync<string>(
                nameof(DownloadResultsActivity), new OrderStep(runId, order.OrderId), Retries);

            await Record(context, new RunUpdate(runId, RunPhase.WritingResults), matchups, matchups, "Completed");
            var summary = await context.CallActivityAsync<ResultsSummary>(nameof(WriteResultsActivity),
                new WriteResultsInput(runId, run.RunsContainer, resultsBlob, staged.ChunkBlobNames), Retries);

            await Finish(context, runId, RunPhase.Completed, RunEventTypes.RunCompleted, null, webhook);
            log.LogInformation("Run {RunId} completed: order {OrderId}, {Matchups} matchups, winner {Winner}",
                runId, order.OrderId, summary.Matchups, summary.Winner);
            return new RunResult(runId, RunPhase.Completed, order.OrderId, summary.Matchups, summary.Winner, null);
        }
        catch (TaskFailedException failure)
        {
            var reason = failure.FailureDetails.ErrorMessage;
            log.LogWarning("Run {RunId} failed: {Reason}", runId, reason);
            await Finish(context, runId, RunPhase.Failed, RunEventTypes.RunFailed, reason, webhook);
            return new RunResult(runId, RunPhase.Failed, order?.OrderId, matchups, null, reason);
        }
    }

    /// <summary>Fan-out over the manifest's chunks with at most <see cref="RunRequest.UploadConcurrency"/> in flight.</summary>
    private static async Task UploadChunksAsync(
        TaskOrchestrationContext context, RunRequest run, StagedDataset staged, OrderReference order)
    {
        var chunks = staged.ChunkBlobNames;
        var inFlight = new List<Task<UploadChunkResult>>();
        var done = 0;
        var matchupsDone = 0;
        await Record(context, new RunUpdate(run.RunId, RunPhase.Uploading), 0, staged.MatchupCount, null);
        for (var index = 0; index < chunks.Count || inFlight.Count > 0;)
        {
            while (index < chunks.Count && inFlight.Count < Math.Max(1, run.UploadConcurrency))
            {
                var input = new UploadChunkInput(run.RunId, run.DatasetsContainer, run.DatasetFolder, run.RunsContainer,
                    chunks[index], index, order.DatasetId);
                inFlight.Add(context.CallActivityAsync<UploadChunkResult>(nameof(UploadChunkActivity), input, Retries));
                index++;
            }
            var finished = await Task.WhenAny(inFlight);
            inFlight.Remove(finished);
            var result = await finished;
            done++;
            matchupsDone += result.Matchups;
            context.SetCustomStatus(new RunProgress(RunPhase.Uploading, matchupsDone, staged.MatchupCount, "Created",
                $"Uploaded {done} of {chunks.Count} chunks"));
        }
    }

    /// <summary>The monitor loop: status activity, then a durable timer with capped backoff, until a final state or the deadline.</summary>
    private static async Task<OrderStatus> WaitForOrderAsync(
        TaskOrchestrationContext context, RunRequest run, OrderReference order, int matchups)
    {
        var deadline = context.CurrentUtcDateTime + run.Deadline;
        var interval = run.PollInterval;
        string? lastState = null;
        while (true)
        {
            var status = await context.CallActivityAsync<OrderStatus>(
                nameof(GetOrderStatusActivity), new OrderStep(run.RunId, order.OrderId), Retries);
            switch (status.State)
            {
                case "Completed" or "Failed" or "Cancelled":
                    return status;
                case "StaleResults":
                    await context.CallActivityAsync(nameof(RetryOrderActivity), new OrderStep(run.RunId, order.OrderId), Retries);
                    break;
            }
            if (status.State != lastState)
            {
                lastState = status.State;
                await Record(context, new RunUpdate(run.RunId, RunPhase.WaitingForCrowd, status.State), matchups, matchups,
                    status.State, WaitingMessage(status.State));
            }
            var now = context.CurrentUtcDateTime;
            if (now >= deadline)
                return new OrderStatus("Failed", $"The order did not complete before the run's deadline ({run.Deadline}); last state {status.State}.");
            var wait = interval < deadline - now ? interval : deadline - now;
            await context.CreateTimer(wait, CancellationToken.None);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, run.MaxPollInterval.Ticks));
        }
    }

    private static string WaitingMessage(string state) => state switch
    {
        "ManualReview" => "Waiting: Rapidata is reviewing the order by hand (contact info@rapidata.ai if it takes long).",
        "Paused" => "Waiting: the order is paused; resume it in Rapidata to continue.",
        "StaleResults" => "Results were stale; asked Rapidata to regenerate them.",
        "Processing" => "The crowd is voting.",
        _ => $"Waiting for the order (state {state}).",
    };

    private static Task Record(TaskOrchestrationContext context, RunUpdate update, int done, int total, string? orderState,
        string? message = null)
    {
        context.SetCustomStatus(new RunProgress(update.Phase, done, total, orderState, message));
        return context.CallActivityAsync(nameof(RecordRunActivity), update, Retries);
    }

    private static async Task Finish(TaskOrchestrationContext context, string runId, RunPhase phase, string eventType, string? error,
        string? webhook)
    {
        await Record(context, new RunUpdate(runId, phase, Error: error, At: context.CurrentUtcDateTime), 0, 0, null, error);
        await Notify(context, runId, eventType, phase, error, webhook);
    }

    private static Task Notify(TaskOrchestrationContext context, string runId, string eventType, RunPhase phase, string? error,
        string? webhook) =>
        context.CallActivityAsync(nameof(NotifyActivity),
            new NotifyInput(runId, eventType, phase, context.CurrentUtcDateTime, error, webhook), Retries);
}
