using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// Streams the raw results document into <c>{runId}/results.json</c> as downloaded, so it is never lost and can be
/// aggregated again. Job flow: <c>GET /job/{id}/download-results</c>, the same document. Returns the blob name; an existing blob is kept (the order's results do not change). When
/// Rapidata says the stored results are stale, asks it to regenerate them and returns null: the run waits again.
/// </summary>
public sealed class DownloadResultsActivity(RapidataClient rapidata, StorageConnection storage, RunLedger ledger, JobFlow jobs,
    IOptions<PreferenceOptions> options) : TaskActivity<OrderStep, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var container = storage.Blobs.GetBlobContainerClient(options.Value.RunsContainer);
        var blob = container.GetBlobClient(RunBlobs.Results(step.RunId));
        var (flow, row) = await RunFlows.ResolveAsync(ledger, step);
        if (!await blob.ExistsAsync() && flow == RapidataFlow.Jobs)
        {
            await using var document = await jobs.DownloadAsync(row, step.RunId);
            if (document is null) return null;
            await blob.UploadAsync(document, overwrite: true);
        }
        else if (!await blob.ExistsAsync())
        {
            try
            {
                await using var document = await rapidata.DownloadResultsAsync(step.OrderId);
                await blob.UploadAsync(document, overwrite: true);
            }
            catch (RapidataRequestException e) when (e.StatusCode is >= 400 and < 500)
            {
                var order = await rapidata.GetOrderAsync(step.OrderId);
                if (order.State != OrderState.StaleResults) throw;
                await rapidata.RetryOrderAsync(step.OrderId);
                return null;
            }
        }
        await ledger.RecordResultsBlobAsync(step.RunId, blob.Name);
        return blob.Name;
    }
}
