namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// Streams the bytes of many images in the order cheapest for the store (zip order for an archive, in parallel for
/// blobs). <paramref name="inspect"/> may be called concurrently.
/// </summary>
internal interface IImageContentSource
{
    Task ForEachAsync(IReadOnlyCollection<ImageEntry> images, Func<ImageEntry, Stream, CancellationToken, ValueTask> inspect, CancellationToken cancellationToken);
}
