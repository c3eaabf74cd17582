using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>Reads each image once: SHA-256 (so identical content uploads once), real size, format and header dimensions.</summary>
internal static class ImageInspector
{
    public static async Task<IReadOnlyDictionary<ImageEntry, ImageFacts>> InspectAsync(
        IReadOnlyCollection<ImageEntry> images, IReadOnlyDictionary<ImageSource, IImageContentSource> sources, CancellationToken cancellationToken)
    {
        var facts = new ConcurrentDictionary<ImageEntry, ImageFacts>(ReferenceEqualityComparer.Instance);
        foreach (var group in images.GroupBy(i => i.Source))
        {
            if (!sources.TryGetValue(group.Key, out var source)) continue; // URLs: Rapidata fetches them, nothing to read here
            await source.ForEachAsync([.. group], async (image, stream, ct) => facts[image] = await ReadAsync(stream, ct), cancellationToken);
        }
        return facts;
    }

    public static async Task<ImageFacts> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var header = ArrayPool<byte>.Shared.Rent(ImageDimensions.PrefixLength);
            var headerLength = 0;
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (headerLength < ImageDimensions.PrefixLength)
                {
                    var take = Math.Min(read, ImageDimensions.PrefixLength - headerLength);
                    buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                    headerLength += take;
                }
                hash.AppendData(buffer, 0, read);
                total += read;
            }
            var start = header.AsSpan(0, headerLength);
            var format = ImageFormats.Detect(start);
            var size = ImageDimensions.Read(start, format);
            ArrayPool<byte>.Shared.Return(header);
            return new ImageFacts(Convert.ToHexStringLower(hash.GetHashAndReset()), total, format, ImageFormats.Describe(start), size?.Width, size?.Height);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
