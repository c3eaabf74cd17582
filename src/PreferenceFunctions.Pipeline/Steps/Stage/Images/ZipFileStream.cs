namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// images.zip on disk, read-only, its length read once. <see cref="System.IO.Compression.ZipArchive"/> asks a stream's
/// <see cref="Stream.Length"/> about six times per entry it opens, and a <see cref="FileStream"/> asks the kernel each
/// time: 12,000 <c>fstat</c> calls to check a 2,000-image zip, ~20 ms of <c>validate</c> (docs/performance.md).
/// </summary>
internal sealed class ZipFileStream(string path) : Stream
{
    private readonly FileStream _file = File.OpenRead(path);
    private readonly long _length = new FileInfo(path).Length;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);
    public override int Read(Span<byte> buffer) => _file.Read(buffer);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _file.ReadAsync(buffer, cancellationToken);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _file.ReadAsync(buffer, offset, count, cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("images.zip is opened read-only");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("images.zip is opened read-only");

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }
}
