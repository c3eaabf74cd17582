using Azure.Storage.Blobs;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// Reads loose image blobs, several at a time (one request each; the listing was done once before). Each image is first
/// copied to the run's staged folder (<see cref="StagedImages"/>) and the copy is what is read, so the bytes checked and
/// hashed are the bytes every later step uses.
/// </summary>
internal sealed class BlobImageContentSource(BlobContainerClient datasets, BlobContainerClient runs, string stagedFolder, int parallelism = 16)
    : IImageContentSource
{
    public Task ForEachAsync(IReadOnlyCollection<ImageEntry> images, Func<ImageEntry, Stream, CancellationToken, ValueTask> inspect, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (image, ct) =>
        {
            var copy = runs.GetBlobClient($"{stagedFolder}/{image.Path}");
            await StagedImages.CopyAsync(datasets.GetBlobClient(image.Location), copy, sourceETag: null, ct);
            var download = await copy.DownloadStreamingAsync(cancellationToken: ct);
            await using var stream = download.Value.Content;
            await inspect(image, stream, ct);
        });
}
