using System.Buffers.Binary;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// Width and height from an image's first bytes, without decoding anything: PNG (IHDR), GIF (logical screen),
/// WebP (VP8, VP8L, VP8X) and JPEG (the first SOF marker, when it lies within the bytes given).
/// </summary>
internal static class ImageDimensions
{
    /// <summary>Bytes kept from the start of each image to read its dimensions from.</summary>
    public const int PrefixLength = 128 * 1024;

    public static (long Width, long Height)? Read(ReadOnlySpan<byte> prefix, ImageFormat format) => format switch
    {
        ImageFormat.Png when prefix.Length >= 24 && prefix[12..16].SequenceEqual("IHDR"u8) =>
            (BinaryPrimitives.ReadUInt32BigEndian(prefix[16..]), BinaryPrimitives.ReadUInt32BigEndian(prefix[20..])),
        ImageFormat.Gif when prefix.Length >= 10 =>
            (BinaryPrimitives.ReadUInt16LittleEndian(prefix[6..]), BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..])),
        ImageFormat.WebP => WebP(prefix),
        ImageFormat.Jpeg => Jpeg(prefix),
        _ => null,
    };

    private static (long, long)? WebP(ReadOnlySpan<byte> p)
    {
        if (p.Length < 30) return null;
        var chunk = p[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
            return (1 + (p[24] | p[25] << 8 | p[26] << 16), 1 + (p[27] | p[28] << 8 | p[29] << 16));
        if (chunk.SequenceEqual("VP8L"u8) && p[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(p[21..]);
            return (1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }
        if (chunk.SequenceEqual("VP8 "u8))
            return (BinaryPrimitives.ReadUInt16LittleEndian(p[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(p[28..]) & 0x3FFF);
        return null;
    }

    private static (long, long)? Jpeg(ReadOnlySpan<byte> p)
    {
        var at = 2;
        while (at + 4 <= p.Length)
        {
            if (p[at] != 0xFF) return null;
            var marker = p[at + 1];
            if (marker == 0xFF) { at++; continue; } // fill byte
            if (marker is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7) { at += 2; continue; } // no length
            var length = BinaryPrimitives.ReadUInt16BigEndian(p[(at + 2)..]);
            var isFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isFrame)
                return at + 9 <= p.Length ? (BinaryPrimitives.ReadUInt16BigEndian(p[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(p[(at + 5)..])) : null;
            if (marker == 0xDA || length < 2) return null; // scan data before any frame header: not a usable JPEG header
            at += 2 + length;
        }
        return null;
    }
}
