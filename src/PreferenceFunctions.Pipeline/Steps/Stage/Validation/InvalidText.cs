using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The first bytes of matchups.csv that are not valid in its encoding (<see cref="CsvTextEncoding"/>, named in
/// <see cref="EncodingName"/>): their offset in the file (0-based, a BOM included), the bytes in hex, the line they are on,
/// and the row and column they fall in (<see cref="RowLine"/>: the line the row starts on).
/// Looked for only after the CSV pass's strict decoder has thrown, which says which block failed but not where in the
/// file, so the bytes are read once more from the start; the pass itself does no per-byte work for this.
/// </summary>
internal sealed record InvalidText(string EncodingName, long Offset, string Bytes, int Line, int Row, int RowLine, string? Column)
{
    private const int BlockBytes = 1 << 20;

    /// <summary>The first invalid bytes of <paramref name="csv"/>, read from its start (its current position) to its end; null when there are none.</summary>
    public static InvalidText? Find(Stream csv)
    {
        var bytes = new byte[BlockBytes];
        var chars = new char[BlockBytes];
        // A UTF-16 or UTF-32 block's valid text as UTF-8 (at most 3 bytes per 2), which CsvPosition counts.
        var utf8 = new byte[BlockBytes / 2 * 3];
        var position = new CsvPosition();
        var (blockStart, carried) = (0L, 0);
        CsvTextEncoding? encoding = null;
        while (true)
        {
            var read = csv.ReadAtLeast(bytes.AsSpan(carried), BlockBytes - carried, throwOnEndOfStream: false);
            var block = bytes.AsSpan(0, carried + read);
            var isLast = block.Length < BlockBytes;
            if (encoding is null)
            {
                encoding = CsvTextEncoding.Of(block);
                blockStart = encoding.BomLength; // skipped as StreamReader skips it, but counted in the offset
                block = block[encoding.BomLength..];
            }
            int valid;
            OperationStatus status;
            switch (encoding.UnitBytes)
            {
                case 1:
                    status = Utf8.ToUtf16(block, chars, out valid, out _, replaceInvalidSequences: false, isFinalBlock: isLast);
                    position.Advance(block[..valid]);
                    break;
                case 2:
                    status = Utf16ToUtf8(block, encoding.BigEndian, chars, utf8, isLast, out valid, out var written16);
                    position.Advance(utf8.AsSpan(0, written16));
                    break;
                default:
                    status = Utf32ToUtf8(block, encoding.BigEndian, utf8, isLast, out valid, out var written32);
                    position.Advance(utf8.AsSpan(0, written32));
                    break;
            }
            if (status == OperationStatus.InvalidData)
            {
                var invalid = encoding.UnitBytes == 1 ? NotUtf8Bytes.Hex(block[valid..]) : NotUtf8Bytes.HexOfUnit(block[valid..], encoding.UnitBytes);
                return new InvalidText(encoding.Name, blockStart + valid, invalid, position.Line, position.Row, position.RowLine, position.Column);
            }
            if (isLast) return null;
            // A sequence cut by the block's end (at most 3 bytes) starts the next block.
            block[valid..].CopyTo(bytes);
            (blockStart, carried) = (blockStart + valid, block.Length - valid);
        }
    }

    /// <summary>
    /// UTF-16 code units to UTF-8 up to the first invalid one: a surrogate without its pair, or at the end of the file an
    /// odd byte. <paramref name="valid"/> counts bytes of <paramref name="block"/>; a pair cut by a block's end is left.
    /// </summary>
    private static OperationStatus Utf16ToUtf8(ReadOnlySpan<byte> block, bool bigEndian, Span<char> units, Span<byte> utf8, bool isLast,
        out int valid, out int written)
    {
        units = units[..(block.Length / 2)];
        MemoryMarshal.Cast<byte, char>(block[..(units.Length * 2)]).CopyTo(units);
        if (bigEndian == BitConverter.IsLittleEndian)
        {
            var values = MemoryMarshal.Cast<char, ushort>(units);
            BinaryPrimitives.ReverseEndianness(values, values);
        }
        var status = Utf8.FromUtf16(units, utf8, out var unitsRead, out written, replaceInvalidSequences: false, isFinalBlock: isLast);
        valid = unitsRead * 2;
        return status == OperationStatus.Done && isLast && valid < block.Length ? OperationStatus.InvalidData : status;
    }

    /// <summary>UTF-32 code units to UTF-8 up to the first invalid one: a surrogate or a value past U+10FFFF, or at the end of the file fewer than 4 bytes.</summary>
    private static OperationStatus Utf32ToUtf8(ReadOnlySpan<byte> block, bool bigEndian, Span<byte> utf8, bool isLast, out int valid, out int written)
    {
        (valid, written) = (0, 0);
        for (; valid + 4 <= block.Length; valid += 4)
        {
            var unit = block.Slice(valid, 4);
            var value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(unit) : BinaryPrimitives.ReadUInt32LittleEndian(unit);
            if (!Rune.IsValid(value)) return OperationStatus.InvalidData;
            written += new Rune(value).EncodeToUtf8(utf8[written..]);
        }
        return isLast && valid < block.Length ? OperationStatus.InvalidData : OperationStatus.Done;
    }

    /// <summary>
    /// Row, line and column at the end of the bytes seen, counted as Sep counts them in the pass: "\r\n", "\n" and "\r"
    /// end a line, and the row unless the row has seen an odd number of quotes; columns are split by the separator Sep
    /// detects from the header. All of these are ASCII, so valid UTF-8 can be counted byte by byte without decoding
    /// (UTF-16 and UTF-32 are counted as UTF-8 too, converted).
    /// </summary>
    private sealed class CsvPosition
    {
        private readonly List<byte> _header = [];
        private string[] _names = [];
        private byte? _separator;
        private bool _quoted;
        private bool _afterCarriageReturn;
        private int _field;

        public int Line { get; private set; } = 1;
        public int Row { get; private set; } = 1;
        public int RowLine { get; private set; } = 1;

        /// <summary>The header's name of the current field; null in the header itself and past its last column.</summary>
        public string? Column => Row > 1 && _field < _names.Length ? _names[_field] : null;

        public void Advance(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                var endsCrlf = b == '\n' && _afterCarriageReturn;
                _afterCarriageReturn = b == '\r';
                var isLineEnd = b is (byte)'\r' or (byte)'\n';
                if (isLineEnd && !endsCrlf) Line++;
                if (isLineEnd && !_quoted)
                {
                    if (!endsCrlf) EndRow();
                    continue;
                }
                if (Row == 1) _header.Add(b);
                if (b == '"') _quoted = !_quoted;
                else if (b == _separator && !_quoted) _field++;
            }
        }

        private void EndRow()
        {
            if (Row == 1) ReadHeader();
            Row++;
            RowLine = Line;
            _field = 0;
        }

        /// <summary>The separator and column names as the pass saw them: Sep reads the header, the BOM skipped as StreamReader skips it.</summary>
        private void ReadHeader()
        {
            var text = Encoding.UTF8.GetString([.. _header]).TrimStart('\uFEFF');
            using var reader = MatchupCsvValidator.CsvOptions.FromText(text);
            _separator = (byte)reader.Spec.Sep.Separator;
            _names = [.. reader.Header.ColNames.Select(n => n.Trim())];
        }
    }
}
