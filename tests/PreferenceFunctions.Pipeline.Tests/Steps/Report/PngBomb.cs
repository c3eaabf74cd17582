using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Report;

/// <summary>
/// A valid 20000 x 20000 RGB PNG of about 1.2 MB (every pixel black): decoding it takes 1.6 GB of RGBA. Built once per
/// test process, by streaming the zero scanlines through zlib.
/// </summary>
internal static class PngBomb
{
    public const int Side = 20_000;
    private static readonly Lazy<byte[]> Bytes = new(Build);

    public static byte[] Create() => Bytes.Value;

    private static byte[] Build()
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Side);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR"u8, header);
        var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[1 + Side * 3]; // filter byte 0, then black pixels
            for (var y = 0; y < Side; y++) zlib.Write(line);
        }
        Chunk(png, "IDAT"u8, idat.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        png.Write(word);
    }

    /// <summary>Resets the process's peak resident memory to its current resident memory (Linux: "5" to clear_refs).</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>The process's peak resident memory since the last reset (Linux VmHWM), in bytes.</summary>
    public static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
