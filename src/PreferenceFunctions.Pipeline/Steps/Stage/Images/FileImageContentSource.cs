namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>Reads image files from the local disk (the <c>validate</c> command).</summary>
internal sealed class FileImageContentSource : IImageContentSource
{
    public Task ForEachAsync(IReadOnlyCollection<ImageEntry> images, Func<ImageEntry, Stream, CancellationToken, ValueTask> inspect, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (image, ct) =>
        {
            await using var stream = new FileStream(image.Location, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await inspect(image, stream, ct);
        });
}
