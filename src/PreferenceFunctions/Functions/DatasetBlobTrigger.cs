using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Pipeline.Runs;

namespace PreferenceFunctions.Functions;

/// <summary>
/// A <c>matchups.csv</c> arriving in the datasets container starts one run per blob version. Event Grid delivers
/// the BlobCreated event (no container scanning); a redelivery maps to the same run id and starts nothing.
/// </summary>
public sealed partial class DatasetBlobTrigger(RunStarter starter, ILogger<DatasetBlobTrigger> logger)
{
    [Function("OnDatasetUploaded")]
    public async Task RunAsync(
        // The path is fixed at compile time: on Azure the datasets container is "datasets" (infra/ creates it).
        [BlobTrigger("datasets/{dataset}/matchups.csv", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")]
        BlobClient csv,
        string dataset,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var properties = await csv.GetPropertiesAsync(cancellationToken: cancellationToken);
        var start = await starter.StartForBlobAsync(client, csv.BlobContainerName, dataset, properties.Value.ETag.ToString(), cancellationToken);
        var etag = properties.Value.ETag.ToString();
        LogTriggered(dataset, etag, start.RunId, start.Started);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "matchups.csv of {Dataset} (ETag {ETag}): run {RunId}, started {Started}")]
    private partial void LogTriggered(string dataset, string etag, string runId, bool started);
}
