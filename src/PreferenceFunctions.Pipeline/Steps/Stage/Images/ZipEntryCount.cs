using System.Buffers.Binary;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// The number of entries a zip declares, read from its end-of-central-directory record (and the zip64 one when the
/// 16-bit count overflows): a few KiB from the end of the file, before <c>ZipArchive</c> parses the whole directory.
/// </summary>
internal static class ZipEntryCount
{
    private const int EndRecordLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The declared entry count, or null when the stream does not end like a zip (ZipArchive then says why).</summary>
    public static async Task<long?> ReadAsync(Stream seekable, CancellationToken cancellationToken)
    {
        var length = seekable.Length;
        if (length < EndRecordLength) return null;
        var tailLength = (int)Math.Min(length, EndRecordLength + MaxCommentLength);
        var tail = new byte[tailLength];
        seekable.Position = length - tailLength;
        await seekable.ReadExactlyAsync(tail, cancellationToken);
        for (var at = tailLength - EndRecordLength; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != 0x06054b50) continue;
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (entries != ushort.MaxValue) return entries;
            return await Zip64CountAsync(seekable, tail, at, length - tailLength, cancellationToken) ?? entries;
        }
        return null;
    }

    private static async Task<long?> Zip64CountAsync(Stream seekable, byte[] tail, int endRecord, long tailStart, CancellationToken cancellationToken)
    {
        var locator = endRecord - 20;
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) != 0x07064b50) return null;
        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(locator + 8));
        if (recordOffset < 0 || recordOffset > tailStart + locator - 56) return null;
        var record = new byte[56];
        seekable.Position = recordOffset;
        await seekable.ReadExactlyAsync(record, cancellationToken);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x06064b50) return null;
        var count = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32));
        return count < 0 ? long.MaxValue : count;
    }
}
