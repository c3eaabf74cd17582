namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>Thumbnails of the report's images as data URIs, or why an image is missing.</summary>
internal sealed class EmbeddedImages
{
    private readonly Dictionary<string, (string? DataUri, string? Problem)> _images;

    private EmbeddedImages(Dictionary<string, (string?, string?)> images) => _images = images;

    /// <summary>The data URI of an image, or null with the reason it cannot be shown.</summary>
    public (string? DataUri, string? Problem) this[string imagePath] =>
        _images.TryGetValue(imagePath, out var image) ? image : (null, "not loaded");

    public static async Task<EmbeddedImages> LoadAsync(
        IEnumerable<string> imagePaths, Func<string, CancellationToken, Task<byte[]?>> loadImage, ReportOptions options, CancellationToken cancellationToken)
    {
        var paths = imagePaths.Distinct(StringComparer.Ordinal).ToList();
        var results = new (string?, string?)[paths.Count];
        await Parallel.ForAsync(0, paths.Count,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentImageLoads, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await LoadOneAsync(paths[i], loadImage, options.ThumbnailSize, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        return new EmbeddedImages(paths.Select((path, i) => (path, results[i])).ToDictionary(x => x.path, x => x.Item2, StringComparer.Ordinal));
    }

    private static async Task<(string?, string?)> LoadOneAsync(string path, Func<string, CancellationToken, Task<byte[]?>> loadImage, int thumbnailSize, CancellationToken ct)
    {
        byte[]? bytes;
        try
        {
            bytes = await loadImage(path, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // One unreadable image must not cost the whole report; the placeholder says what went wrong.
            return (null, $"could not be read ({error.GetType().Name})");
        }
        if (bytes is null || bytes.Length == 0) return (null, "not found");
        var dataUri = Thumbnails.ToDataUri(bytes, thumbnailSize, Thumbnails.DefaultPixelBudget, out var overBudget);
        return dataUri is not null ? (dataUri, null) : (null, overBudget ? "too many pixels to decode" : "not a readable image");
    }
}
