using Azure;
using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Local.Engine;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// The local stand-in for the Event Grid blob trigger: hands every new or changed <c>&lt;dataset&gt;/matchups.csv</c> of the
/// datasets container to <see cref="DatasetTriggers"/>. A listing of the top-level folders finds the datasets, and each
/// folder's matchups.csv is asked for its properties. Azurite reads every blob of the container for a listing, on the one
/// thread that also serves the runs (20,000 loose images made a listing cost it ~0.3 s, half its time while a run staged
/// them), so after a listing the watcher waits at least nine times as long as it took before listing again: it never
/// spends more than a tenth of the time listing. In between, every <c>Local:WatchInterval</c>, it asks only the folders a
/// listing found without a matchups.csv for theirs: an upload puts the images first and matchups.csv last, so the folder
/// shows up before its csv, and the run starts within an interval of the csv landing, not a listing's wait later.
/// </summary>
public sealed partial class DatasetWatcher(StorageConnection storage, DatasetTriggers triggers,
    IOptions<PreferenceOptions> preference, IOptions<LocalEngineOptions> options, ILogger<DatasetWatcher> logger)
    : BackgroundService
{
    /// <summary>How many folders without a matchups.csv are asked for it between listings: the ones first seen last.</summary>
    internal const int MaxAwaitedFolders = 16;

    /// <summary>How long after a listing first saw it a folder without a matchups.csv is asked for it between listings.</summary>
    internal static readonly TimeSpan AwaitCsvFor = TimeSpan.FromMinutes(10);

    // Versions already handed over by this process: saves a table read per dataset per tick.
    private readonly Dictionary<string, string> _handled = new(StringComparer.Ordinal);

    // Folders a listing found without a matchups.csv, with when a listing first saw them.
    private readonly Dictionary<string, long> _awaitingCsv = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var container = storage.Blobs.GetBlobContainerClient(preference.Value.DatasetsContainer);
        var interval = options.Value.WatchInterval;
        // Timestamp 0 is long past: the first tick lists.
        var (listingEnded, pause) = (0L, TimeSpan.Zero);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Stopwatch.GetElapsedTime(listingEnded) >= pause)
                {
                    var started = Stopwatch.GetTimestamp();
                    await ListAsync(container, stoppingToken);
                    pause = WaitAfter(Stopwatch.GetElapsedTime(started), interval);
                    listingEnded = Stopwatch.GetTimestamp();
                }
                else
                {
                    await CheckAwaitedFoldersAsync(container, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage hiccups (Azurite restarting) must not end the watcher; the next tick retries.
                LogScanFailed(e, container.Name);
            }
            await Task.Delay(interval, stoppingToken);
        }
    }

    /// <summary>The pause after a listing before the next: the interval, or nine times the listing when that is longer.</summary>
    internal static TimeSpan WaitAfter(TimeSpan scan, TimeSpan interval) => scan * 9 > interval ? scan * 9 : interval;

    /// <summary>The folders to ask for their csv between listings: first seen within <see cref="AwaitCsvFor"/>, the latest
    /// <see cref="MaxAwaitedFolders"/> of them.</summary>
    internal static IReadOnlyList<string> AwaitedFolders(IReadOnlyDictionary<string, long> firstSeen, long now) =>
        firstSeen.Where(f => Stopwatch.GetElapsedTime(f.Value, now) < AwaitCsvFor)
            .OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(MaxAwaitedFolders).Select(f => f.Key).ToList();

    private async Task ListAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var folder in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, cancellationToken))
        {
            if (!folder.IsPrefix) continue;
            listed.Add(folder.Prefix);
            if (!await CheckCsvAsync(container, folder.Prefix, cancellationToken))
                _awaitingCsv.TryAdd(folder.Prefix, Stopwatch.GetTimestamp());
        }
        foreach (var gone in _awaitingCsv.Keys.Where(f => !listed.Contains(f)).ToList()) _awaitingCsv.Remove(gone);
    }

    private async Task CheckAwaitedFoldersAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        foreach (var folder in AwaitedFolders(_awaitingCsv, Stopwatch.GetTimestamp()))
        {
            if (await CheckCsvAsync(container, folder, cancellationToken)) _awaitingCsv.Remove(folder);
        }
    }

    /// <summary>Hands a new version of the folder's matchups.csv over; false when the folder has none (yet).</summary>
    private async Task<bool> CheckCsvAsync(BlobContainerClient container, string folder, CancellationToken cancellationToken)
    {
        // The csv's properties, not a listing of the folder: Azurite answers a listing by scanning every blob it holds.
        var csvName = folder + RunStarter.CsvFileName;
        string etag;
        try
        {
            etag = (await container.GetBlobClient(csvName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
        if (_handled.TryGetValue(csvName, out var known) && known == etag) return true;
        await triggers.OnBlobVersionAsync(container.Name, csvName, etag, cancellationToken);
        _handled[csvName] = etag;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing datasets in {Container} failed; retrying on the next tick")]
    private partial void LogScanFailed(Exception exception, string container);
}
