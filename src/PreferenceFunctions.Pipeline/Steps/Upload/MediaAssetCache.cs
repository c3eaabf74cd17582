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
/// checked against the staged SHA-256 before upload (<see cref="StagedBytes"/>).
/// </summary>
public sealed class MediaAssetCache(StorageConnection storage, RapidataClient rapidata, IOptions<RapidataClientOptions> rapidataOptions)
{
    private readonly TableClient _table = storage.Tables.GetTableClient(TableNames.MediaAssets);
    private readonly string _apiBaseUrl = rapidataOptions.Value.ApiBaseUrl.ToString();
    private readonly string _apiKey = MediaAssetEntity.ApiKeyFor(rapidataOptions.Value.ApiBaseUrl);

    /// <param name="forceUpload">Upload even when known (Rapidata no longer knows the cached asset).</param>
    /// <param name="uploadName">The file name to upload under; Rapidata's results use it as the image's key.</param>
    public async Task<(MediaAssetEntity Asset, bool Uploaded)> GetOrUploadAsync(ManifestImage image, string uploadName, Func<Task<Stream>> open,
        bool forceUpload, CancellationToken cancellationToken)
    {
        if (image.Sha256 is not { } sha256) return (await FromUrlAsync(image, cancellationToken), true);
        if (!forceUpload)
        {
            var known = await _table.GetEntityIfExistsAsync<MediaAssetEntity>(MediaAssetEntity.PartitionFor(sha256), MediaAssetEntity.RowKeyFor(sha256, _apiKey),
                cancellationToken: cancellationToken);
            if (known.HasValue && known.Value is { } cached)
            {
                PipelineTelemetry.ImagesReused.Add(1);
                return (cached, false);
            }
        }

        // The bytes are hashed before they go out: an image swapped after staging fails here, never reaches Rapidata and is
        // never cached under the staged hash (where every later run with that content would reuse it).
        byte[] bytes;
        await using (var content = await open()) bytes = await StagedBytes.ReadVerifiedAsync(content, image, cancellationToken);
        using var verified = new MemoryStream(bytes, writable: false);
        var uploaded = await rapidata.UploadAssetAsync(verified, uploadName, cancellationToken: cancellationToken);
        PipelineTelemetry.ImagesUploaded.Add(1);
        PipelineTelemetry.BytesUploaded.Add(bytes.Length);
        var asset = new MediaAssetEntity
        {
            PartitionKey = MediaAssetEntity.PartitionFor(sha256),
            RowKey = MediaAssetEntity.RowKeyFor(sha256, _apiKey),
            AssetName = uploaded.FileName,
            OriginalFileName = uploadName,
            SizeBytes = image.SizeBytes ?? 0,
            ApiBaseUrl = _apiBaseUrl,
        };
        await _table.UpsertEntityAsync(asset, TableUpdateMode.Replace, cancellationToken);
        return (asset, true);
    }

    /// <summary>An image given by URL has no bytes here: Rapidata fetches it (never cached, the content may change).</summary>
    private async Task<MediaAssetEntity> FromUrlAsync(ManifestImage image, CancellationToken cancellationToken)
    {
        var uploaded = await rapidata.UploadAssetFromUrlAsync(new Uri(image.Path), cancellationToken: cancellationToken);
        PipelineTelemetry.ImagesUploaded.Add(1);
        return new MediaAssetEntity { AssetName = uploaded.FileName, OriginalFileName = image.FileName, ApiBaseUrl = _apiBaseUrl };
    }
}
