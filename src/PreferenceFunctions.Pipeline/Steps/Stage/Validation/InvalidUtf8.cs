using System.Buffers;
using System.Text;
using System.Text.Unicode;
using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The first bytes of matchups.csv that are not UTF-8: their offset in the file (0-based, a BOM included), the bytes in
/// hex, the line they are on, and the row and column they fall in (<see cref="RowLine"/>: the line the row starts on).
/// Looked for only after the CSV pass's strict decoder has thrown, which says which block failed but not where in the
/// file, so the bytes are read once more from the start; the pass itself does no per-byte work for this.
/// </summary>
internal sealed record InvalidUtf8(long Offset, string Bytes, int Line, int Row, int RowLine, string? Column)
{
    private const int BlockBytes = 1 << 20;

    /// <summary>The first invalid bytes of <paramref name="csv"/>, read from its current position to its end; null when there are none.</summary>
    public static InvalidUtf8? Find(Stream csv)
    {
        var bytes = new byte[BlockBytes];
        var chars = new char[BlockBytes];
        var position = new CsvPosition();
        var (blockStart, carried) = (0L, 0);
        while (true)
        {
            var read = csv.ReadAtLeast(bytes.AsSpan(carried), BlockBytes - carried, throwOnEndOfStream: false);
            var block = bytes.AsSpan(0, carried + read);
            var isLast = block.Length < BlockBytes;
            var status = Utf8.ToUtf16(block, chars, out var valid, out _, replaceInvalidSequences: false, isFinalBlock: isLast);
            position.Advance(block[..valid]);
            if (status == OperationStatus.InvalidData)
            {
                return new InvalidUtf8(blockStart + valid, NotUtf8Bytes.Hex(block[valid..]), position.Line, position.Row, position.RowLine, position.Column);
            }
            if (isLast) return null;
            // A sequence cut by the block's end (at most 3 bytes) starts the next block.
            block[valid..].CopyTo(bytes);
            (blockStart, carried) = (blockStart + valid, block.Length - valid);
        }
    }

    /// <summary>
    /// Row, line and column at the end of the bytes seen, counted as Sep counts them in the pass: "\r\n", "\n" and "\r"
    /// end a line, and the row unless the row has seen an odd number of quotes; columns are split by the separator Sep
    /// detects from the header. All of these are ASCII, so valid UTF-8 can be counted byte by byte without decoding.
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
