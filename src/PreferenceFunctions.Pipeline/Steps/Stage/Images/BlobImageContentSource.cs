using Azure.Storage.Blobs;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>Reads loose image blobs, several at a time (one request each; the listing was done once before).</summary>
internal sealed class BlobImageContentSource(BlobContainerClient container, int parallelism = 16) : IImageContentSource
{
    public Task ForEachAsync(IReadOnlyCollection<ImageEntry> images, Func<ImageEntry, Stream, CancellationToken, ValueTask> inspect, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (image, ct) =>
        {
            var download = await container.GetBlobClient(image.Location).DownloadStreamingAsync(cancellationToken: ct);
            await using var stream = download.Value.Content;
            await inspect(image, stream, ct);
        });
}
