using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Generation;

/// <summary>
/// Encodes small RGB images as valid PNG (signature, IHDR, one zlib IDAT, IEND, CRC-32 per chunk). Written here
/// rather than pulling SkiaSharp's native library into the core and the CLI: the generator makes 200,000 of these
/// for a benchmark and needs nothing but distinct, valid files.
/// </summary>
internal static class TinyPng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG bytes of a <paramref name="width"/> x <paramref name="height"/> image from packed RGB pixels.</summary>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length != width * height * 3) throw new ArgumentException($"Expected {width * height * 3} RGB bytes, got {rgb.Length}.", nameof(rgb));
        var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour RGB
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, Compress(width, height, rgb));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static byte[] Compress(int width, int height, ReadOnlySpan<byte> rgb)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter type "None" for each scanline
                zlib.Write(rgb.Slice(y * width * 3, width * 3));
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(type);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, crc.GetCurrentHashAsUInt32());
        png.Write(checksum);
    }
}
