using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Storage;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// The one path from "a matchups.csv version exists" to a run, shared by the watcher and the Event Grid endpoint:
/// at most one run per blob version (the run id is derived from the ETag, and the version is remembered in
/// <c>DatasetTriggers</c>).
/// </summary>
public sealed partial class DatasetTriggers(StorageConnection storage, RunStarter starter, DurableTaskClient client,
    TimeProvider clock, ILogger<DatasetTriggers> logger)
{
    private readonly TableClient _table = storage.Tables.GetTableClient(TableNames.DatasetTriggers);

    /// <summary>Starts the run for this version of the blob unless one was started; null when the blob is no dataset CSV.</summary>
    public async Task<RunStart?> OnBlobVersionAsync(string container, string blobName, string etag, CancellationToken cancellationToken)
    {
        var folder = RunStarter.DatasetFolderOf(blobName);
        if (folder is null) return null;
        var version = etag.Trim('"');
        var key = TableKeys.Escape(blobName);
        var seen = await _table.GetEntityIfExistsAsync<DatasetTriggerEntity>(container, key, cancellationToken: cancellationToken);
        if (seen.HasValue && seen.Value!.BlobETag == version)
            return new RunStart(seen.Value.RunId, Started: false);

        var start = await starter.StartForBlobAsync(client, container, folder, version, cancellationToken);
        // Recorded after the start: a crash in between triggers again, and the derived run id makes that a no-op.
        await _table.UpsertEntityAsync(new DatasetTriggerEntity
        {
            PartitionKey = container,
            RowKey = key,
            BlobETag = version,
            RunId = start.RunId,
            TriggeredAt = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
        LogTriggered(container, blobName, version, start.RunId, start.Started);
        return start;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Container}/{BlobName} version {ETag}: run {RunId} (started now: {Started})")]
    private partial void LogTriggered(string container, string blobName, string etag, string runId, bool started);
}
