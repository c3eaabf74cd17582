using System.IO.Compression;
using Azure.Storage.Blobs.Specialized;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// Reads images from an open archive in the archive's own order, so a blob-backed zip is read front to back. With a
/// <c>pack</c> blob (staging), each small entry is read into memory, inspected and placed in the run's
/// <see cref="StagedImagePack"/> in archive order, so one block is buffered at a time; uploads then read ranges of the pack
/// instead of opening the archive. An entry named twice is read once (the first, as the image index resolves it).
/// </summary>
internal sealed class ZipImageContentSource(ZipArchive archive, BlockBlobClient? pack = null) : IImageContentSource
{
    private StagedImagePack? _pack;

    /// <summary>Where each packed entry starts in the pack blob; empty before <see cref="ForEachAsync"/> or without a pack.</summary>
    public IReadOnlyDictionary<ImageEntry, long> PackedOffsets => _pack?.Offsets ?? new Dictionary<ImageEntry, long>();

    public async Task ForEachAsync(IReadOnlyCollection<ImageEntry> images, Func<ImageEntry, Stream, CancellationToken, ValueTask> inspect, CancellationToken cancellationToken)
    {
        if (_pack is not null) throw new InvalidOperationException("The zip entries of a staging are read in one pass.");
        var wanted = images.ToDictionary(i => i.Location, StringComparer.Ordinal);
        var entries = new List<(ZipArchiveEntry Entry, ImageEntry Image)>(wanted.Count);
        foreach (var entry in archive.Entries)
            if (wanted.Remove(entry.FullName, out var image)) entries.Add((entry, image));
        var staged = pack is null ? null : new StagedImagePack(pack, entries.Select(e => e.Image));
        foreach (var (entry, image) in entries)
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            if (staged?.Holds(image) != true)
            {
                await inspect(image, stream, cancellationToken);
                continue;
            }
            var bytes = await ReadExactlyAsync(entry, stream, cancellationToken);
            using (var memory = new MemoryStream(bytes, writable: false)) await inspect(image, memory, cancellationToken);
            await staged.AddAsync(image, bytes, cancellationToken);
        }
        if (staged is null) return;
        await staged.CommitAsync(cancellationToken);
        _pack = staged;
    }

    /// <summary>The entry's bytes; an entry holding more or less than its directory declares is a broken archive.</summary>
    private static async Task<byte[]> ReadExactlyAsync(ZipArchiveEntry entry, Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new byte[entry.Length];
        var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < bytes.Length || stream.ReadByte() >= 0)
            throw new InvalidDataException($"entry \"{entry.FullName}\" holds {(read < bytes.Length ? $"{read:N0}" : "more than its")} bytes, not the {entry.Length:N0} its directory declares");
        return bytes;
    }
}
