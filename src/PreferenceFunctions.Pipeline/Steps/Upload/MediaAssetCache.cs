using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Kernel.Telemetry;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Uploads an image to Rapidata unless its content (SHA-256) was uploaded before, by any run or host; the MediaAssets
/// table remembers what Rapidata named it, and for which API (an asset of another endpoint does not count). Bytes are
/// checked against the staged SHA-256 before upload (<see cref="StagedBytes"/>). A chunk's images are looked up with point
/// reads in parallel, only those the <see cref="MediaAssetIndex"/> names (<see cref="FindAsync"/>), and its uploads saved in
/// entity-group transactions of one partition each, then added to the index (<see cref="SaveAsync"/>): 16 partitions, so a
/// chunk of 500 new images is about 16 writes instead of 500, and no read of the table.
/// </summary>
public sealed class MediaAssetCache(StorageConnection storage, MediaAssetIndex index, RapidataClient rapidata,
    IOptions<RapidataClientOptions> rapidataOptions, IOptions<PreferenceOptions> options)
{
    /// <summary>The most entities an entity-group transaction may hold (all of one partition).</summary>
    public const int EntitiesPerTransaction = 100;

    private readonly TableClient _table = storage.Tables.GetTableClient(TableNames.MediaAssets);
    private readonly string _apiBaseUrl = rapidataOptions.Value.ApiBaseUrl.ToString();
    private readonly string _apiKey = MediaAssetEntity.ApiKeyFor(rapidataOptions.Value.ApiBaseUrl);
    private readonly int _requestsInFlight = options.Value.RequestsPerChunk;

    /// <summary>
    /// The cached assets of these contents (by SHA-256) for this API: point reads, several in flight, of the contents the
    /// index names (a new image costs the table nothing). Not one query per partition with the RowKeys OR'ed: Table storage
    /// serves such a filter by scanning the partition (its design guide says to avoid them), so each query would cost more
    /// as the cache grows across runs; a point read stays one index lookup.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, MediaAssetEntity>> FindAsync(IEnumerable<string> sha256s, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, MediaAssetEntity>();
        var indexed = await index.MayHoldAsync(_apiKey, sha256s.Distinct().ToList(), cancellationToken);
        await Parallel.ForEachAsync(indexed, WithToken(cancellationToken), async (sha256, ct) =>
        {
            var known = await _table.GetEntityIfExistsAsync<MediaAssetEntity>(MediaAssetEntity.PartitionFor(sha256),
                MediaAssetEntity.RowKeyFor(sha256, _apiKey), cancellationToken: ct);
            if (known.HasValue && known.Value is { } asset) found[sha256] = asset;
        });
        PipelineTelemetry.ImagesReused.Add(found.Count);
        return found;
    }

    /// <summary>
    /// Remembers uploaded assets: one entity-group transaction per partition and 100 assets, then one append to the index
    /// (after the rows: whoever finds a content in the index must find its row).
    /// </summary>
    public async Task SaveAsync(IEnumerable<MediaAssetEntity> assets, CancellationToken cancellationToken)
    {
        // URL images have no key (never cached); a transaction may not touch an entity twice.
        var cached = assets.Where(a => a.PartitionKey.Length > 0).DistinctBy(a => a.RowKey).ToList();
        var transactions = cached.GroupBy(a => a.PartitionKey).SelectMany(partition => partition.Chunk(EntitiesPerTransaction));
        await Parallel.ForEachAsync(transactions, WithToken(cancellationToken), async (batch, ct) =>
            await _table.SubmitTransactionAsync(batch.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, a)), ct));
        await index.AddAsync(_apiKey, cached.Select(MediaAssetEntity.Sha256Of).ToList(), cancellationToken);
    }

    /// <summary>Uploads the image (not looked up, not saved: see <see cref="FindAsync"/>, <see cref="SaveAsync"/>).</summary>
    /// <param name="uploadName">The file name to upload under; Rapidata's results use it as the image's key.</param>
    public async Task<MediaAssetEntity> UploadAsync(ManifestImage image, string uploadName, Func<Task<Stream>> open, CancellationToken cancellationToken)
    {
        if (image.Sha256 is not { } sha256) return await FromUrlAsync(image, cancellationToken);

        // The bytes are hashed before they go out: an image swapped after staging fails here, never reaches Rapidata and is
        // never cached under the staged hash (where every later run with that content would reuse it).
        byte[] bytes;
        await using (var content = await open()) bytes = await StagedBytes.ReadVerifiedAsync(content, image, cancellationToken);
        using var verified = new MemoryStream(bytes, writable: false);
        var uploaded = await rapidata.UploadAssetAsync(verified, uploadName, cancellationToken: cancellationToken);
        PipelineTelemetry.ImagesUploaded.Add(1);
        PipelineTelemetry.BytesUploaded.Add(bytes.Length);
        return new MediaAssetEntity
        {
            PartitionKey = MediaAssetEntity.PartitionFor(sha256),
            RowKey = MediaAssetEntity.RowKeyFor(sha256, _apiKey),
            AssetName = uploaded.FileName,
            OriginalFileName = uploadName,
            SizeBytes = image.SizeBytes ?? 0,
            ApiBaseUrl = _apiBaseUrl,
        };
    }

    /// <summary>One image: the cached asset, or the image uploaded and saved.</summary>
    public async Task<MediaAssetEntity> GetOrUploadAsync(ManifestImage image, string uploadName, Func<Task<Stream>> open, CancellationToken cancellationToken)
    {
        if (image.Sha256 is { } sha256 && (await FindAsync([sha256], cancellationToken)).TryGetValue(sha256, out var cached)) return cached;
        var asset = await UploadAsync(image, uploadName, open, cancellationToken);
        await SaveAsync([asset], cancellationToken);
        return asset;
    }

    /// <summary>An image given by URL has no bytes here: Rapidata fetches it (never cached, the content may change).</summary>
    private async Task<MediaAssetEntity> FromUrlAsync(ManifestImage image, CancellationToken cancellationToken)
    {
        var uploaded = await rapidata.UploadAssetFromUrlAsync(new Uri(image.Path), cancellationToken: cancellationToken);
        PipelineTelemetry.ImagesUploaded.Add(1);
        return new MediaAssetEntity { AssetName = uploaded.FileName, OriginalFileName = image.FileName, ApiBaseUrl = _apiBaseUrl };
    }

    private ParallelOptions WithToken(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = _requestsInFlight, CancellationToken = cancellationToken };
}
