using Azure;
using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Local.Engine;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// The local stand-in for the Event Grid blob trigger: lists the datasets container every <c>Local:WatchInterval</c>
/// and hands every new or changed <c>&lt;dataset&gt;/matchups.csv</c> to <see cref="DatasetTriggers"/>. Only the
/// top-level folders are listed (one listing), and each folder's matchups.csv is asked for its properties. Azurite still
/// reads every blob of the container for the listing, on the one thread that also serves the runs (20,000 loose images
/// made a listing cost it ~0.3 s, half its time while a run staged them), so the watcher waits at least nine times as
/// long as its last scan took: it never spends more than a tenth of the time listing.
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
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await ScanAsync(container, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage hiccups (Azurite restarting) must not end the watcher; the next tick retries.
                LogScanFailed(e, container.Name);
            }
            await Task.Delay(WaitAfter(Stopwatch.GetElapsedTime(started), options.Value.WatchInterval), stoppingToken);
        }
    }

    /// <summary>The pause before the next scan: the interval, or nine times the last scan when that is longer.</summary>
    internal static TimeSpan WaitAfter(TimeSpan scan, TimeSpan interval) => scan * 9 > interval ? scan * 9 : interval;

    private async Task ScanAsync(Azure.Storage.Blobs.BlobContainerClient container, CancellationToken cancellationToken)
    {
        await foreach (var folder in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, cancellationToken))
        {
            if (!folder.IsPrefix) continue;
            // The csv's properties, not a listing of the folder: Azurite answers a listing by scanning every blob it holds.
            var csvName = folder.Prefix + RunStarter.CsvFileName;
            string etag;
            try
            {
                etag = (await container.GetBlobClient(csvName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                continue; // a folder without matchups.csv (yet)
            }
            if (_handled.TryGetValue(csvName, out var known) && known == etag) continue;
            await triggers.OnBlobVersionAsync(container.Name, csvName, etag, cancellationToken);
            _handled[csvName] = etag;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing datasets in {Container} failed; retrying on the next tick")]
    private partial void LogScanFailed(Exception exception, string container);
}
