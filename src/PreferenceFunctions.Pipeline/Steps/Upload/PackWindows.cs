using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Reads small images of a staged image pack through aligned windows of <see cref="WindowBytes"/>: one range request
/// serves every image inside a window, which matters when a chunk has hundreds of small images (a request per image is
/// what bounds storage). A chunk asks for its images roughly in pack order (the pack is in order of first use), so the
/// last <see cref="KeptWindows"/> windows are kept and memory stays bounded; a window no longer kept is read again.
/// When the reader says up front which images it will open (<see cref="Plan"/>), a window is read only from its first
/// planned byte to its last: a chunk of 500 images of a few hundred bytes reads about 150 KB, not 4 MiB.
/// </summary>
internal sealed class PackWindows(BlobClient pack)
{
    public const long WindowBytes = 4 * 1024 * 1024;
    private const int KeptWindows = 8;

    private readonly Dictionary<long, Task<Window>> _windows = [];
    private readonly Queue<long> _order = new();
    private readonly Dictionary<long, (long First, long End)> _planned = [];

    /// <summary>Whether an image of this size at this offset is read through a window (false: read it on its own).</summary>
    public static bool Fits(long offset, long length) =>
        length <= WindowBytes / 16 && offset + length <= offset / WindowBytes * WindowBytes + WindowBytes;

    /// <summary>Narrows each window to the bytes of the images that will be opened through it.</summary>
    public void Plan(long offset, long length)
    {
        if (!Fits(offset, length)) return;
        var start = offset / WindowBytes * WindowBytes;
        lock (_windows)
        {
            _planned[start] = _planned.TryGetValue(start, out var span)
                ? (Math.Min(span.First, offset), Math.Max(span.End, offset + length))
                : (offset, offset + length);
        }
    }

    /// <summary>The image's bytes, or null when it does not lie inside one window (read it on its own).</summary>
    public async Task<Stream?> TryOpenAsync(long offset, long length, CancellationToken cancellationToken)
    {
        if (!Fits(offset, length)) return null;
        var start = offset / WindowBytes * WindowBytes;
        var read = WindowAt(start);
        Window window;
        try
        {
            window = await read.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_windows) if (_windows.TryGetValue(start, out var kept) && kept == read) _windows.Remove(start); // let a retry read it anew
            throw;
        }
        var at = offset - window.Offset;
        return at < 0 || at + length > window.Bytes.Length ? null : new MemoryStream(window.Bytes, (int)at, (int)length, writable: false);
    }

    private Task<Window> WindowAt(long start)
    {
        lock (_windows)
        {
            if (_windows.TryGetValue(start, out var kept)) return kept;
            var (first, end) = _planned.TryGetValue(start, out var span) ? span : (start, start + WindowBytes);
            var read = ReadAsync(first, end - first);
            _windows[start] = read;
            _order.Enqueue(start);
            while (_order.Count > KeptWindows) _windows.Remove(_order.Dequeue());
            return read;
        }
    }

    /// <summary>The range's bytes; shorter at the end of the pack.</summary>
    private async Task<Window> ReadAsync(long offset, long length)
    {
        var options = new BlobDownloadOptions { Range = new HttpRange(offset, length) };
        return new Window(offset, (await pack.DownloadContentAsync(options, CancellationToken.None)).Value.Content.ToArray());
    }

    private sealed record Window(long Offset, byte[] Bytes);
}
