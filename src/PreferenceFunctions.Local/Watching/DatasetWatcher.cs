using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Local.Engine;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// The local stand-in for the Event Grid blob trigger: lists the datasets container every <c>Local:WatchInterval</c>
/// and hands every new or changed <c>&lt;dataset&gt;/matchups.csv</c> to <see cref="DatasetTriggers"/>. Only the
/// top-level folders are looked at (one listing per dataset), so big image folders do not slow the loop down.
/// </summary>
public sealed partial class DatasetWatcher(StorageConnection storage, DatasetTriggers triggers,
    IOptions<PreferenceOptions> preference, IOptions<LocalEngineOptions> options, ILogger<DatasetWatcher> logger)
    : BackgroundService
{
    // Versions already handed over by this process: saves a table read per dataset per tick.
    private readonly Dictionary<string, string> _handled = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var container = storage.Blobs.GetBlobContainerClient(preference.Value.DatasetsContainer);
        using var timer = new PeriodicTimer(options.Value.WatchInterval);
        do
        {
            try
            {
                await ScanAsync(container, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage hiccups (Azurite restarting) must not end the watcher; the next tick retries.
                LogScanFailed(e, container.Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScanAsync(Azure.Storage.Blobs.BlobContainerClient container, CancellationToken cancellationToken)
    {
        await foreach (var folder in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, cancellationToken))
        {
            if (!folder.IsPrefix) continue;
            var csvName = folder.Prefix + RunStarter.CsvFileName;
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, csvName, cancellationToken))
            {
                if (blob.Name != csvName) continue;
                var etag = blob.Properties.ETag?.ToString() ?? "";
                if (_handled.TryGetValue(blob.Name, out var known) && known == etag) continue;
                await triggers.OnBlobVersionAsync(container.Name, blob.Name, etag, cancellationToken);
                _handled[blob.Name] = etag;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing datasets in {Container} failed; retrying on the next tick")]
    private partial void LogScanFailed(Exception exception, string container);
}
