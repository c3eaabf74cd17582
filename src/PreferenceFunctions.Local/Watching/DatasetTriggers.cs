using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Local.Engine;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Runs;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// The one path from "a matchups.csv version exists" to a run, shared by the watcher and the Event Grid endpoint:
/// at most one run per blob version. Every host watches the same container, so a version is first claimed in
/// <c>DatasetTriggers</c> (insert, or update with the row's ETag) and only the host that wins the claim starts the run;
/// the run id is derived from the blob's ETag as well. A claim names the task hub of the host that made it: a host judges
/// (and takes over) only the claims of its own task hub, because it can see only its own hub's runs; a claim of another
/// hub is that hub's business, however old it is.
/// </summary>
public sealed partial class DatasetTriggers(StorageConnection storage, RunStarter starter, DurableTaskClient client,
    IOptions<LocalEngineOptions> engine, TimeProvider clock, ILogger<DatasetTriggers> logger)
{
    /// <summary>A claim this old whose run never started is taken over (its host died between claiming and starting).</summary>
    private static readonly TimeSpan AbandonedClaim = TimeSpan.FromMinutes(1);

    private readonly TableClient _table = storage.Tables.GetTableClient(TableNames.DatasetTriggers);
    private readonly string _taskHub = engine.Value.TaskHub;

    /// <summary>Starts the run for this version of the blob unless one was started; null when the blob is no dataset CSV.</summary>
    public async Task<RunStart?> OnBlobVersionAsync(string container, string blobName, string etag, CancellationToken cancellationToken)
    {
        var folder = RunStarter.DatasetFolderOf(blobName);
        if (folder is null) return null;
        var version = etag.Trim('"');
        var runId = RunIds.ForDatasetVersion(container, folder, version);
        var key = TableKeys.Escape(blobName);
        var seen = await _table.GetEntityIfExistsAsync<DatasetTriggerEntity>(container, key, cancellationToken: cancellationToken);
        var previous = seen.HasValue ? seen.Value : null;
        if (previous is not null && previous.BlobETag == version)
        {
            if (!IsOwn(previous))
            {
                LogOtherHub(container, blobName, version, previous.TaskHub);
                return new RunStart(previous.RunId, Started: false);
            }
            if (!await IsAbandonedAsync(previous, cancellationToken)) return new RunStart(previous.RunId, Started: false);
        }

        var claim = new DatasetTriggerEntity
        {
            PartitionKey = container, RowKey = key, BlobETag = version, RunId = runId, TaskHub = _taskHub,
            TriggeredAt = clock.GetUtcNow(),
        };
        try
        {
            if (previous is null) await _table.AddEntityAsync(claim, cancellationToken);
            else await _table.UpdateEntityAsync(claim, previous.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            LogClaimedElsewhere(container, blobName, version);
            return new RunStart(runId, Started: false);
        }

        var start = await starter.StartForBlobAsync(client, container, folder, version, cancellationToken);
        LogTriggered(container, blobName, version, start.RunId, start.Started);
        return start;
    }

    /// <summary>True when this host's task hub made the claim (task hub names are case-insensitive in storage).</summary>
    private bool IsOwn(DatasetTriggerEntity claim) => string.Equals(claim.TaskHub, _taskHub, StringComparison.OrdinalIgnoreCase);

    /// <summary>An own claim whose run never appeared on this task hub: its host died between claiming and starting.</summary>
    private async Task<bool> IsAbandonedAsync(DatasetTriggerEntity claim, CancellationToken cancellationToken) =>
        clock.GetUtcNow() - claim.TriggeredAt > AbandonedClaim
        && await client.GetInstanceAsync(claim.RunId, cancellationToken) is null;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Container}/{BlobName} version {ETag}: run {RunId} (started now: {Started})")]
    private partial void LogTriggered(string container, string blobName, string etag, string runId, bool started);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Container}/{BlobName} version {ETag} belongs to task hub '{TaskHub}', not this host's; left alone")]
    private partial void LogOtherHub(string container, string blobName, string etag, string taskHub);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Container}/{BlobName} version {ETag} was claimed by another host first")]
    private partial void LogClaimedElsewhere(string container, string blobName, string etag);
}
