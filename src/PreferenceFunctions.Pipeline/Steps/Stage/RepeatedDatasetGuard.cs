using Azure;
using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// A re-upload of byte-identical content (same matchups, image hashes and settings) does not order and pay again:
/// when the latest earlier run of the same dataset folder with the same fingerprint completed, the new run is rejected
/// and pointed at it, unless order.json says <c>"rerun": true</c>. Runs that failed, were rejected or cancelled, or are
/// still going, do not block.
/// </summary>
public sealed class RepeatedDatasetGuard(StorageConnection storage, RunLedger ledger, string tableName = "DatasetFingerprints")
{
    /// <summary>The earlier run this one repeats, or null; records this run as the fingerprint's latest when it is new.</summary>
    public async Task<string?> FindRepeatedRunAsync(string runId, string fingerprint, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var known = await table.GetEntityIfExistsAsync<TableEntity>(fingerprint, "run", cancellationToken: cancellationToken);
        if (known.HasValue && known.Value!.GetString("RunId") is { } earlier && earlier != runId)
        {
            var row = await ledger.GetAsync(earlier, cancellationToken);
            if (row?.Status == RunStatus.Completed) return earlier;
        }
        try
        {
            await table.UpsertEntityAsync(new TableEntity(fingerprint, "run") { ["RunId"] = runId }, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException) when (!cancellationToken.IsCancellationRequested)
        {
            // the guard is advisory bookkeeping: losing one record never fails staging
        }
        return null;
    }
}
