using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// Reads loose image blobs, several at a time (one request each; the listing was done once before and gave every size),
/// and keeps the run's own copy (<see cref="StagedImages"/>), so the bytes checked and hashed are the bytes every later step
/// uses. Images up to <see cref="StagedImagePack.MaxImageBytes"/> are read once, inspected from memory and written into the
/// run's <see cref="StagedImagePack"/>; a larger one is copied server-side to the staged folder and the copy is streamed.
/// </summary>
internal sealed class BlobImageContentSource(BlobContainerClient datasets, BlobContainerClient runs, string stagedFolder, int parallelism = 16)
    : IImageContentSource
{
    private StagedImagePack? _pack;

    /// <summary>Where each packed image starts in <c>{stagedFolder}/images.pack</c>; empty before <see cref="ForEachAsync"/>.</summary>
    public IReadOnlyDictionary<ImageEntry, long> PackedOffsets => _pack?.Offsets ?? new Dictionary<ImageEntry, long>();

    public async Task ForEachAsync(IReadOnlyCollection<ImageEntry> images, Func<ImageEntry, Stream, CancellationToken, ValueTask> inspect,
        CancellationToken cancellationToken)
    {
        if (_pack is not null) throw new InvalidOperationException("The loose images of a staging are read in one pass.");
        var pack = new StagedImagePack(runs.GetBlockBlobClient($"{stagedFolder}/{StagedImagePack.BlobName}"), images);
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (image, ct) =>
        {
            if (pack.Holds(image))
            {
                var bytes = (await datasets.GetBlobClient(image.Location).DownloadContentAsync(ct)).Value.Content;
                using (var stream = bytes.ToStream()) await inspect(image, stream, ct);
                await pack.AddAsync(image, bytes.ToMemory(), ct);
                return;
            }
            var copy = runs.GetBlobClient($"{stagedFolder}/{image.Path}");
            await StagedImages.CopyAsync(datasets.GetBlobClient(image.Location), copy, sourceETag: null, ct);
            var download = await copy.DownloadStreamingAsync(cancellationToken: ct);
            await using var content = download.Value.Content;
            await inspect(image, content, ct);
        });
        await pack.CommitAsync(cancellationToken);
        _pack = pack;
    }
}
