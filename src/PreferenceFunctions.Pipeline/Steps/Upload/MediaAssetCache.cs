using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel.Telemetry;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Uploads an image to Rapidata unless its content (SHA-256) was uploaded before, by any run or host, to the same API
/// (the emulator and the real API do not share assets): the <see cref="MediaAssetLog"/> remembers what Rapidata named
/// it. Bytes are checked against the staged SHA-256 before upload (<see cref="StagedBytes"/>). A chunk looks its images
/// up at once (<see cref="FindAsync"/>) and saves its uploads with one append (<see cref="SaveAsync"/>).
/// </summary>
public sealed class MediaAssetCache(MediaAssetLog log, RapidataClient rapidata, IOptions<RapidataClientOptions> rapidataOptions)
{
    private readonly string _apiKey = MediaAsset.ApiKeyFor(rapidataOptions.Value.ApiBaseUrl);

    /// <summary>The saved assets of these contents (by SHA-256) for this API.</summary>
    public async Task<IReadOnlyDictionary<string, MediaAsset>> FindAsync(IEnumerable<string> sha256s, CancellationToken cancellationToken)
    {
        var found = await log.FindAsync(_apiKey, sha256s.ToList(), cancellationToken);
        PipelineTelemetry.ImagesReused.Add(found.Count);
        return found;
    }

    /// <summary>Remembers uploaded assets (images given by URL are never cached: their content may change).</summary>
    public Task SaveAsync(IEnumerable<MediaAsset> assets, CancellationToken cancellationToken) =>
        log.AppendAsync(_apiKey, assets.ToList(), cancellationToken);

    /// <summary>Uploads the image (not looked up, not saved: see <see cref="FindAsync"/>, <see cref="SaveAsync"/>).</summary>
    /// <param name="uploadName">The file name to upload under; Rapidata's results use it as the image's key.</param>
    public async Task<MediaAsset> UploadAsync(ManifestImage image, string uploadName, Func<Task<Stream>> open, CancellationToken cancellationToken)
    {
        if (image.Sha256 is null) return await FromUrlAsync(image, cancellationToken);

        // The bytes are hashed before they go out: an image swapped after staging fails here, never reaches Rapidata and is
        // never cached under the staged hash (where every later run with that content would reuse it).
        byte[] bytes;
        await using (var content = await open()) bytes = await StagedBytes.ReadVerifiedAsync(content, image, cancellationToken);
        using var verified = new MemoryStream(bytes, writable: false);
        var uploaded = await rapidata.UploadAssetAsync(verified, uploadName, cancellationToken: cancellationToken);
        PipelineTelemetry.ImagesUploaded.Add(1);
        PipelineTelemetry.BytesUploaded.Add(bytes.Length);
        return new MediaAsset(image.Sha256, uploaded.FileName, uploadName, image.SizeBytes ?? 0);
    }

    /// <summary>One image: the cached asset, or the image uploaded and saved.</summary>
    public async Task<MediaAsset> GetOrUploadAsync(ManifestImage image, string uploadName, Func<Task<Stream>> open, CancellationToken cancellationToken)
    {
        if (image.Sha256 is { } sha256 && (await FindAsync([sha256], cancellationToken)).TryGetValue(sha256, out var cached)) return cached;
        var asset = await UploadAsync(image, uploadName, open, cancellationToken);
        await SaveAsync([asset], cancellationToken);
        return asset;
    }

    /// <summary>An image given by URL has no bytes here: Rapidata fetches it (never cached, the content may change).</summary>
    private async Task<MediaAsset> FromUrlAsync(ManifestImage image, CancellationToken cancellationToken)
    {
        var uploaded = await rapidata.UploadAssetFromUrlAsync(new Uri(image.Path), cancellationToken: cancellationToken);
        PipelineTelemetry.ImagesUploaded.Add(1);
        return new MediaAsset(null, uploaded.FileName, image.FileName, 0);
    }
}
