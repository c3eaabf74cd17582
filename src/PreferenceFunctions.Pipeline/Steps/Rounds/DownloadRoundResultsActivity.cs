using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>
/// Streams the round order's results document into <see cref="RoundBlobs.Results"/>, where Collect merges it with the
/// run's other votes. An existing blob is kept. Stale results: Rapidata is asked to regenerate them and null is returned.
/// </summary>
public sealed class DownloadRoundResultsActivity(RapidataClient rapidata, StorageConnection storage) : TaskActivity<RoundStep, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, RoundStep step)
    {
        var orderId = step.OrderId ?? throw new ArgumentException("The round's order id is missing.", nameof(step));
        var blob = storage.Blobs.GetBlobContainerClient(step.RunsContainer).GetBlobClient(RoundBlobs.Results(step.RunId, step.Round));
        if (await blob.ExistsAsync()) return blob.Name;
        try
        {
            await using var document = await rapidata.DownloadResultsAsync(orderId);
            await blob.UploadAsync(document, overwrite: true);
            return blob.Name;
        }
        catch (RapidataRequestException e) when (e.StatusCode is >= 400 and < 500)
        {
            if ((await rapidata.GetOrderAsync(orderId)).State != OrderState.StaleResults) throw;
            await rapidata.RetryOrderAsync(orderId);
            return null;
        }
    }
}
