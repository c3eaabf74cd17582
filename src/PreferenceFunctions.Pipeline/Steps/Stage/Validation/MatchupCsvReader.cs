namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// matchups.csv's text, the same for a file and a blob: UTF-8, or UTF-16 or UTF-32 after their BOM, read strictly
/// (<see cref="CsvTextEncoding"/>), so invalid bytes stop the CSV pass (<see cref="MatchupCsvValidator"/> reports them as
/// <c>not-utf8</c>) instead of becoming U+FFFD in a prompt.
/// <see cref="Bytes"/> stay open, for the caller to dispose: Sep disposes its reader when reading fails, and the
/// validator then reads the bytes again to say where.
/// </summary>
internal sealed class MatchupCsvReader : StreamReader
{
    public MatchupCsvReader(Stream bytes, int bufferSize = -1) : this(bytes, ReadStart(bytes), bufferSize)
    {
    }

    // StreamReader would detect a BOM itself, but then swap in an encoding that replaces invalid bytes; so the first
    // bytes are read here to choose a strict one, then handed to StreamReader, which skips the BOM as that encoding's preamble.
    private MatchupCsvReader(Stream bytes, byte[] start, int bufferSize)
        : base(new StartReplayed(start, bytes), CsvTextEncoding.Of(start).Strict, detectEncodingFromByteOrderMarks: false, bufferSize, leaveOpen: true)
    {
        Bytes = bytes;
        TextEncoding = CsvTextEncoding.Of(start);
    }

    public Stream Bytes { get; }

    public CsvTextEncoding TextEncoding { get; }

    private static byte[] ReadStart(Stream bytes)
    {
        var start = new byte[CsvTextEncoding.MaxBomLength];
        return start[..bytes.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)];
    }

    /// <summary>
    /// The bytes read to choose the encoding, then the rest of the stream. Read forward only: seeking back instead would
    /// make a blob stream download its first block again.
    /// </summary>
    private sealed class StartReplayed(byte[] start, Stream rest) : Stream
    {
        private int _replayed;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_replayed == start.Length) return rest.Read(buffer);
            var count = Math.Min(buffer.Length, start.Length - _replayed);
            start.AsSpan(_replayed, count).CopyTo(buffer);
            _replayed += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _replayed == start.Length ? rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
