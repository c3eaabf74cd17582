using System.Collections.Concurrent;
using System.IO.Compression;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Opens a dataset's images for one upload activity: images.zip is opened once (its central directory read once)
/// and entries are copied out one at a time, since a zip archive cannot serve parallel reads; blobs stream directly, and
/// a packed image (<see cref="ManifestImage.PackOffset"/>, loose or a zip entry) is a range of the staged folder's pack for
/// its source, small ones read a window of the pack at a time (<see cref="PackWindows"/>).
/// </summary>
public sealed class DatasetImageSession(BlobContainerClient datasets, string datasetFolder) : IAsyncDisposable
{
    private readonly SemaphoreSlim _zipGate = new(1, 1);
    private ZipArchive? _archive;
    private readonly ConcurrentDictionary<ImageSource, PackWindows> _packWindows = new();

    /// <summary>Says which images will be opened, so the pack is read only where they lie (see <see cref="PackWindows.Plan"/>).</summary>
    public void PlanReads(IEnumerable<ManifestImage> images)
    {
        foreach (var image in images)
        {
            if (image is { Source: ImageSource.Blob or ImageSource.Zip, PackOffset: { } offset, SizeBytes: { } size })
                Windows(image.Source).Plan(offset, size);
        }
    }

    public async Task<Stream> OpenAsync(ManifestImage image, CancellationToken cancellationToken)
    {
        switch (image.Source)
        {
            case ImageSource.Blob or ImageSource.Zip when image.PackOffset is { } offset:
                var pack = Pack(image.Source);
                var windows = Windows(image.Source);
                if (image.SizeBytes is { } size && await windows.TryOpenAsync(offset, size, cancellationToken) is { } small) return small;
                var range = new BlobDownloadOptions { Range = new HttpRange(offset, image.SizeBytes) };
                return (await pack.DownloadStreamingAsync(range, cancellationToken)).Value.Content;
            case ImageSource.Blob:
                var blob = datasets.GetBlobClient($"{datasetFolder}/{image.Path}");
                return (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
            case ImageSource.Zip:
                await _zipGate.WaitAsync(cancellationToken);
                try
                {
                    _archive ??= await OpenArchiveAsync(cancellationToken);
                    var entry = _archive.GetEntry(image.Path) ?? throw new FileNotFoundException($"{DatasetFiles.Zip} of {datasets.Name}/{datasetFolder} has no entry \"{image.Path}\" (was the zip replaced after staging?)");
                    var copy = new MemoryStream(checked((int)entry.Length));
                    await using (var source = await entry.OpenAsync(cancellationToken)) await source.CopyToAsync(copy, cancellationToken);
                    copy.Position = 0;
                    return copy;
                }
                finally
                {
                    _zipGate.Release();
                }
            default:
                throw new NotSupportedException($"Image \"{image.Path}\" is a {image.Source} image; only zip entries and blobs have bytes to read here.");
        }
    }

    private BlobClient Pack(ImageSource source) => datasets.GetBlobClient($"{datasetFolder}/{StagedImagePack.BlobNameFor(source)}");

    private PackWindows Windows(ImageSource source) => _packWindows.GetOrAdd(source, s => new PackWindows(Pack(s)));

    private async Task<ZipArchive> OpenArchiveAsync(CancellationToken cancellationToken)
    {
        var stream = await datasets.GetBlobClient($"{datasetFolder}/{DatasetFiles.Zip}").OpenReadAsync(position: 0, bufferSize: 4 * 1024 * 1024, cancellationToken: cancellationToken);
        return await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_archive is not null) await _archive.DisposeAsync();
        _zipGate.Dispose();
    }
}
