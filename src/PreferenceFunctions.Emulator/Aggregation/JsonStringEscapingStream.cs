namespace PreferenceFunctions.Emulator.Aggregation;

/// <summary>Writes everything written to it as one JSON string literal (GET /order/{id}/results returns the document as a string).</summary>
/// <remarks>The input is JSON from Utf8JsonWriter, which never contains raw control characters, so only quote and backslash
/// need escaping; multi-byte UTF-8 sequences never contain those bytes.</remarks>
internal sealed class JsonStringEscapingStream(Stream inner) : Stream
{
    private static readonly byte[] Quote = "\""u8.ToArray();
    private bool opened;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!opened)
        {
            opened = true;
            await inner.WriteAsync(Quote, cancellationToken);
        }

        var escaped = new byte[buffer.Length * 2];
        var length = 0;
        foreach (var b in buffer.Span)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                escaped[length++] = (byte)'\\';
            }

            escaped[length++] = b;
        }

        await inner.WriteAsync(escaped.AsMemory(0, length), cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Closes the string literal.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (!opened)
        {
            await inner.WriteAsync(Quote, cancellationToken);
        }

        await inner.WriteAsync(Quote, cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => throw new NotSupportedException("Use FlushAsync.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
