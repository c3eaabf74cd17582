using Azure;
using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>
/// The only writer of <c>PreferenceRuns</c>: one typed method per thing that happens to a run. Every write reads the
/// row, changes it and replaces it on its ETag (a lost race is re-read and re-applied, so concurrent writers never
/// lose each other's columns, and a column can be cleared). Once a run has ended (Completed, Failed, Rejected,
/// Cancelled) its status, phase, error and end time never change again, with one deliberate exception: a user's
/// resume or reaggregate (<see cref="ReopenAsync"/>), which only reopens the end it read.
/// </summary>
public sealed class RunLedger(StorageConnection storage)
{
    private readonly TableClient _table = storage.Tables.GetTableClient(TableNames.PreferenceRuns);

    public async Task<PreferenceRunEntity?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<PreferenceRunEntity>(PreferenceRunEntity.Partition, runId,
            cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public AsyncPageable<PreferenceRunEntity> ListAsync(int pageSize, CancellationToken cancellationToken = default) =>
        _table.QueryAsync<PreferenceRunEntity>(r => r.PartitionKey == PreferenceRunEntity.Partition, pageSize,
            cancellationToken: cancellationToken);

    /// <summary>Creates the run's Pending row unless it exists; false when it existed (another starter claimed the run).</summary>
    public async Task<bool> TryClaimAsync(string runId, string container, string datasetFolder, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var row = new PreferenceRunEntity
        {
            RowKey = runId,
            DatasetsContainer = container,
            DatasetFolder = datasetFolder,
            Status = RunStatus.Pending,
            Phase = RunPhase.Pending,
            StartedAt = at,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The orchestrator's checkpoint: phase, status, order state; the start, the end and its error; upload totals,
    /// with the Rapidata calls the chunks made.</summary>
    public Task RecordProgressAsync(RunCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        UpdateAsync(checkpoint.RunId, row =>
        {
            var progress = checkpoint.Progress;
            var left = row.Phase;
            row.Phase = progress.Phase;
            row.Status = progress.Phase.StatusOf();
            if (progress.OrderState is { } orderState) row.OrderState = orderState;
            row.Message = progress.Message;
            if (progress.Phase == RunPhase.Validating) row.StartedAt = checkpoint.At;
            PhaseTimings.Enter(row, left, checkpoint.At);
            if (row.Status.Value.IsTerminal())
            {
                row.CompletedAt = checkpoint.At;
                row.Error = progress.Phase == RunPhase.Completed ? null : progress.Message;
            }
            if (checkpoint.Uploads is { } uploads)
            {
                row.ChunksUploaded = uploads.Chunks;
                row.AssetsUploaded = uploads.AssetsUploaded;
                row.AssetsReused = uploads.AssetsReused;
                row.DatapointsCreated = uploads.DatapointsCreated;
                // Set, not added: a checkpoint may be recorded twice, and the totals only grow within a run.
                row.RapidataCalls = (row.RapidataCalls ?? 0) - (row.UploadRapidataCalls ?? 0) + uploads.RapidataCalls;
                row.RapidataRetries = (row.RapidataRetries ?? 0) - (row.UploadRapidataRetries ?? 0) + uploads.RapidataRetries;
                (row.UploadRapidataCalls, row.UploadRapidataRetries) = (uploads.RapidataCalls, uploads.RapidataRetries);
            }
        }, cancellationToken);

    public Task RecordDatasetAsync(string runId, RunDataset dataset, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row =>
        {
            row.MatchupCount = dataset.MatchupCount;
            row.ImageCount = dataset.ImageCount;
            row.ChunkCount = dataset.ChunkCount;
            row.Models = string.Join(", ", dataset.Models);
            row.ValidationBlob = dataset.ValidationBlob;
            row.Criteria = dataset.Criteria;
            row.ResponsesPerMatchup = dataset.ResponsesPerMatchup;
            row.VotesOrdered = dataset.Errors is null ? dataset.MatchupCount * dataset.ResponsesPerMatchup : null;
            row.Leaderboard = dataset.Leaderboard;
            row.Error = dataset.Errors;
            row.SameAsRun = dataset.SameAsRun;
        }, cancellationToken);

    public Task RecordOrderAsync(string runId, OrderReference order, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row =>
        {
            row.OrderId = order.OrderId;
            row.RapidataDatasetId = order.DatasetId;
            row.PipelineId = order.PipelineId;
            row.OrderName = order.OrderName;
            row.OrderState = OrderState.Created;
            row.Flow = order.Flow;
        }, cancellationToken);

    /// <summary>Job flow: the job definition created for the run, and its cost estimate when Rapidata gave one.</summary>
    public Task RecordJobDefinitionAsync(string runId, string definitionId, double? estimatedCost, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => (row.JobDefinitionId, row.EstimatedCost) = (definitionId, estimatedCost ?? row.EstimatedCost), cancellationToken);

    /// <summary>Job flow: the audience the job is for (found, or created with its examples).</summary>
    public Task RecordAudienceAsync(string runId, string audienceId, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => row.AudienceId = audienceId, cancellationToken);

    /// <summary>Job flow: the job exists (it is paid for from here on); it becomes the run's order id.</summary>
    public Task RecordJobAsync(string runId, string jobId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row =>
        {
            row.JobId = jobId;
            row.OrderId = jobId;
            row.SubmittedAt ??= at;
        }, cancellationToken);

    /// <summary>Job flow: the job's state in Rapidata's words, kept beside the mapped <see cref="PreferenceRunEntity.OrderState"/>.</summary>
    public Task RecordJobStateAsync(string runId, string jobState, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => row.JobState = jobState, cancellationToken);

    public Task RecordSubmittedAsync(string runId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => row.SubmittedAt = at, cancellationToken);

    public Task RecordResultsBlobAsync(string runId, string resultsBlob, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => row.ResultsBlob = resultsBlob, cancellationToken);

    /// <summary>What the results tables say: total votes, the winner (null when none is clear), the models by rank and the
    /// models tied at the top.</summary>
    public Task RecordResultsAsync(string runId, int totalVotes, string? winner, IEnumerable<string> models,
        IReadOnlyList<string>? leaders = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row =>
        {
            row.TotalVotes = totalVotes;
            row.Winner = winner;
            row.Leaders = LeaderNames.Format(leaders);
            row.Models = string.Join(", ", models);
        }, cancellationToken);

    /// <summary>Adaptive runs: the rounds collected so far, their extra votes and a one-line summary of each.</summary>
    public Task RecordRoundsAsync(string runId, int rounds, int extraVotes, string summary, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => (row.Rounds, row.ExtraVotes, row.RoundsSummary) = (rounds, extraVotes, summary), cancellationToken);

    public Task RecordReportAsync(string runId, string reportBlob, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => (row.ReportBlob, row.ReportError) = (reportBlob, null), cancellationToken);

    public Task RecordReportFailedAsync(string runId, string error, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => row.ReportError = error, cancellationToken);

    /// <summary>The run's votes are in its leaderboard (<paramref name="error"/> null), or why they could not be added.</summary>
    public Task RecordLeaderboardAsync(string runId, string? error, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => row.LeaderboardError = error, cancellationToken);

    /// <summary>What the run did to its order when it gave up on it, in words (for example "paused").</summary>
    public Task RecordOrderAbandonedAsync(string runId, string outcome, OrderState? orderState,
        CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row =>
        {
            row.OrderAbandoned = outcome;
            if (orderState is { } state) row.OrderState = state;
        }, cancellationToken);

    public Task RecordNotificationFailuresAsync(string runId, string failures, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => row.NotificationFailures = failures, cancellationToken);

    /// <summary>Adds the Rapidata calls (and retries among them) one activity execution made for the run.</summary>
    public Task AddRapidataCallsAsync(string runId, long calls, long retries, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row => (row.RapidataCalls, row.RapidataRetries) = ((row.RapidataCalls ?? 0) + calls, (row.RapidataRetries ?? 0) + retries),
            cancellationToken, createIfMissing: false);

    /// <summary>Ends the run as Cancelled unless it has already ended; returns the row as it now is (null if there is none).</summary>
    public Task<PreferenceRunEntity?> CancelAsync(string runId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateAsync(runId, row =>
        {
            row.Status = RunStatus.Cancelled;
            row.Phase = RunPhase.Cancelled;
            row.Error = reason;
            row.CompletedAt = at;
        }, cancellationToken, createIfMissing: false);

    /// <summary>
    /// Reopens an ended run for a resume or a reaggregate: Running again in <paramref name="phase"/>, the old error kept in
    /// <see cref="PreferenceRunEntity.Message"/>. Only from the status <paramref name="from"/> (on the ETag it was read with):
    /// false when the run has changed since (another resume won, or it is running again).
    /// </summary>
    public async Task<bool> ReopenAsync(string runId, RunStatus from, RunPhase phase, string message,
        CancellationToken cancellationToken = default)
    {
        var row = await GetAsync(runId, cancellationToken);
        if (row?.Status != from) return false;
        row.Status = phase.StatusOf();
        row.Phase = phase;
        row.Message = $"{message} (before: {row.Error})";
        row.Error = null;
        row.CompletedAt = null;
        try
        {
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Read, change, replace on the ETag; on a lost race start over. The end of a run is kept as it was first written.</summary>
    private async Task<PreferenceRunEntity?> UpdateAsync(string runId, Action<PreferenceRunEntity> change, CancellationToken cancellationToken,
        bool createIfMissing = true)
    {
        while (true)
        {
            var row = await GetAsync(runId, cancellationToken);
            if (row is null)
            {
                if (!createIfMissing) return null;
                row = new PreferenceRunEntity { RowKey = runId };
                change(row);
                try
                {
                    await _table.AddEntityAsync(row, cancellationToken);
                    RunMetrics.Record(default, row);
                    return row;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue;
                }
            }
            var ended = row.Status is { } status && status.IsTerminal() ? (row.Status, row.Phase, row.Error, row.CompletedAt) : default;
            var before = RunMetrics.Facts(row);
            change(row);
            if (ended.Status is not null) (row.Status, row.Phase, row.Error, row.CompletedAt) = ended;
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                RunMetrics.Record(before, row);
                return row;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another writer changed the row since it was read: apply this change to the new row.
            }
        }
    }
}
