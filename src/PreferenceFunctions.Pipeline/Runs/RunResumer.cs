using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Picks up a run that ended without what the user paid for. <see cref="ResumeAsync"/>: a Failed or Cancelled run
/// whose order was submitted waits for that same order again (resumed if paused), then downloads and writes as usual.
/// <see cref="ReaggregateAsync"/>: tables and report rebuilt from the stored results.json. Both are idempotent: a
/// second request while the first is going starts nothing.
/// </summary>
public sealed partial class RunResumer(RunLedger ledger, ManifestStore manifests, IOptions<PreferenceOptions> options,
    TimeProvider clock, ILogger<RunResumer> logger)
{
    public static string ReaggregateInstanceId(string runId) => $"{runId}.reaggregate";

    /// <param name="deadline">How long the resumed run waits for the crowd; the configured deadline when null.</param>
    public async Task<RunPickup> ResumeAsync(DurableTaskClient client, string runId, TimeSpan? deadline,
        CancellationToken cancellationToken = default)
    {
        var row = await ledger.GetAsync(runId, cancellationToken);
        if (row?.Status is not { } status) return new RunPickup(RunPickupOutcome.NotFound, runId, $"No run {runId}.");
        // A row still "running" whose orchestration is gone or ended (it crashed, e.g. on an incompatible deploy) is resumable.
        if (!status.IsTerminal() && await RunInstances.IsActiveAsync(client, runId, cancellationToken) ||
            status is RunStatus.Pending)
            return new RunPickup(RunPickupOutcome.AlreadyRunning, runId, $"Run {runId} is running.");
        if (status == RunStatus.Completed)
            return Refused(runId, "it completed; `reaggregate` rebuilds its tables and report from the stored results.");
        if (status == RunStatus.Rejected) return Refused(runId, "its dataset was rejected; fix it and upload it again.");
        if (row.OrderId is null || row.SubmittedAt is null)
            return Refused(runId, "it ended before its order was submitted (nothing was paid); upload the dataset again for a new run.");

        // The row ends before the orchestration does (it still sends its events): let it finish first.
        if (!await HasFinishedAsync(client, runId, cancellationToken))
            return new RunPickup(RunPickupOutcome.AlreadyRunning, runId, $"Run {runId} is still finishing; try again in a minute.");

        var settings = options.Value;
        var manifest = await manifests.ReadManifestAsync(settings.RunsContainer, RunBlobs.Manifest(runId), cancellationToken);
        var wait = deadline ?? settings.Deadline;
        var order = new OrderReference(row.OrderId, row.RapidataDatasetId ?? "", row.PipelineId ?? "", row.OrderName ?? "",
            row.Flow ?? RapidataFlow.Orders);
        // The dataset's own webhook is stored only redacted (it carries tokens): a resumed run announces its end to the
        // configured sinks only.
        var paid = new SubmittedOrder(order, manifest.MatchupCount, manifest.ChunkBlobNames, Webhook: null,
            clock.GetUtcNow().UtcDateTime + wait, manifest.Settings.Adaptive, manifest.MatchupCount * manifest.Settings.ResponsesPerMatchup);
        if (!await ledger.ReopenAsync(runId, status, RunPhase.WaitingForCrowd, "Resumed", cancellationToken))
            return new RunPickup(RunPickupOutcome.AlreadyRunning, runId, $"Run {runId} changed meanwhile (resumed by another request).");

        var request = RunRequest.For(runId, row.DatasetsContainer ?? manifest.DatasetsContainer, row.DatasetFolder ?? manifest.DatasetFolder,
            null, settings) with { Deadline = wait, Submitted = paid };
        await ScheduleAsync(client, nameof(PreferenceRunOrchestrator), runId, request, cancellationToken);
        LogResumed(logger, runId, row.OrderId);
        return new RunPickup(RunPickupOutcome.Started, runId, $"Run {runId} resumed: waiting for order {row.OrderId} again.");
    }

    public async Task<RunPickup> ReaggregateAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken = default)
    {
        var row = await ledger.GetAsync(runId, cancellationToken);
        if (row?.Status is not { } status) return new RunPickup(RunPickupOutcome.NotFound, runId, $"No run {runId}.");
        var instanceId = ReaggregateInstanceId(runId);
        if (await RunInstances.IsActiveAsync(client, instanceId, cancellationToken))
            return new RunPickup(RunPickupOutcome.AlreadyRunning, runId, $"Run {runId} is being reaggregated.");
        if (!status.IsTerminal()) return Refused(runId, "it is still running; its tables are written when it completes.");
        if (row.ResultsBlob is null)
            return Refused(runId, "it has no stored results (they were never downloaded); `resume` waits for the crowd again.");

        var settings = options.Value;
        var manifest = await manifests.ReadManifestAsync(settings.RunsContainer, RunBlobs.Manifest(runId), cancellationToken);
        if (status != RunStatus.Completed &&
            !await ledger.ReopenAsync(runId, status, RunPhase.WritingResults, "Reaggregating from results.json", cancellationToken))
            return new RunPickup(RunPickupOutcome.AlreadyRunning, runId, $"Run {runId} changed meanwhile.");
        var input = new WriteResultsInput(runId, settings.RunsContainer, row.ResultsBlob, manifest.ChunkBlobNames);
        await ScheduleAsync(client, nameof(ReaggregateOrchestrator), instanceId, input, cancellationToken);
        LogReaggregating(logger, runId);
        return new RunPickup(RunPickupOutcome.Started, runId, $"Run {runId}: rebuilding tables and report from {row.ResultsBlob}.");
    }

    /// <summary>True when the instance is gone or ended, waiting up to <see cref="FinishTimeout"/> for that.</summary>
    private static async Task<bool> HasFinishedAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        !await RunInstances.IsActiveAsync(client, instanceId, cancellationToken) ||
        await RunInstances.WaitForEndAsync(client, instanceId, FinishTimeout, cancellationToken);

    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The instance id is reused: the ended instance's history is purged first (the run's row keeps its story).</summary>
    private static async Task ScheduleAsync(DurableTaskClient client, string orchestrator, string instanceId, object input,
        CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
            await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
    }

    private static RunPickup Refused(string runId, string why) => new(RunPickupOutcome.Refused, runId, $"Run {runId} cannot be picked up: {why}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} resumed with order {OrderId}")]
    private static partial void LogResumed(ILogger logger, string runId, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: reaggregating from results.json")]
    private static partial void LogReaggregating(ILogger logger, string runId);
}
