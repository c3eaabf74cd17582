using System.IO.Compression;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>Reads images from an open archive in the archive's own order, so a blob-backed zip is read front to back.</summary>
internal sealed class ZipImageContentSource(ZipArchive archive) : IImageContentSource
{
    public async Task ForEachAsync(IReadOnlyCollection<ImageEntry> images, Func<ImageEntry, Stream, CancellationToken, ValueTask> inspect, CancellationToken cancellationToken)
    {
        var wanted = images.ToDictionary(i => i.Location, StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            if (!wanted.TryGetValue(entry.FullName, out var image)) continue;
            await using var stream = await entry.OpenAsync(cancellationToken);
            await inspect(image, stream, cancellationToken);
        }
    }
}
