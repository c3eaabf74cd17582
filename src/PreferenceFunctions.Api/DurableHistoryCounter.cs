using Azure;
using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Api;

/// <summary>
/// Counts the events in a run's durable history (its current execution: a long wait continues as new, which starts a
/// new one). Both hosts run the Azure Storage backend, which keeps a history as rows of the task hub's
/// <c>{hub}History</c> table, one partition per instance and one row per event (plus a "sentinel" row), the current
/// execution's rows first; the engines' own history queries do not reach that table from the worker (the local sidecar
/// streams only in-flight events), so the rows are counted here.
/// </summary>
public sealed class DurableHistoryCounter(StorageConnection storage, string taskHub)
{
    private const string SentinelRowKey = "sentinel";

    /// <summary>The event count, or null when the run has no history rows (purged, or never started).</summary>
    public async Task<int?> CountAsync(string runId, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(taskHub + "History");
        var partition = TableClient.CreateQueryFilter($"PartitionKey eq {runId}");
        string? execution = null;
        var events = 0;
        try
        {
            // The backend's own rule: the first row names the current execution; rows of earlier ones follow.
            await foreach (var row in table.QueryAsync<TableEntity>(partition, select: ["RowKey", "ExecutionId"], cancellationToken: cancellationToken))
            {
                execution ??= row.GetString("ExecutionId");
                if (row.GetString("ExecutionId") != execution) break;
                if (row.RowKey != SentinelRowKey) events++;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        return events == 0 ? null : events;
    }
}
