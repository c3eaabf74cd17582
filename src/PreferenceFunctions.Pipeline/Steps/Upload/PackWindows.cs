using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Reads small images of a staged image pack through aligned windows of <see cref="WindowBytes"/>: one range request
/// serves every image inside a window, which matters when a chunk has hundreds of small images (a request per image is
/// what bounds storage). A chunk asks for its images roughly in pack order (the pack is in order of first use), so the
/// last <see cref="KeptWindows"/> windows are kept and memory stays bounded; a window no longer kept is read again.
/// </summary>
internal sealed class PackWindows(BlobClient pack)
{
    public const long WindowBytes = 4 * 1024 * 1024;
    private const int KeptWindows = 8;

    private readonly Dictionary<long, Task<byte[]>> _windows = [];
    private readonly Queue<long> _order = new();

    /// <summary>The image's bytes, or null when it does not lie inside one window (read it on its own).</summary>
    public async Task<Stream?> TryOpenAsync(long offset, long length, CancellationToken cancellationToken)
    {
        var start = offset / WindowBytes * WindowBytes;
        if (length > WindowBytes / 16 || offset + length > start + WindowBytes) return null;
        var window = Window(start);
        byte[] bytes;
        try
        {
            bytes = await window.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_windows) if (_windows.TryGetValue(start, out var kept) && kept == window) _windows.Remove(start); // let a retry read it anew
            throw;
        }
        var at = offset - start;
        return at + length > bytes.Length ? null : new MemoryStream(bytes, (int)at, (int)length, writable: false);
    }

    private Task<byte[]> Window(long start)
    {
        lock (_windows)
        {
            if (_windows.TryGetValue(start, out var kept)) return kept;
            var read = ReadAsync(start);
            _windows[start] = read;
            _order.Enqueue(start);
            while (_order.Count > KeptWindows) _windows.Remove(_order.Dequeue());
            return read;
        }
    }

    /// <summary>The window's bytes; shorter at the end of the pack.</summary>
    private async Task<byte[]> ReadAsync(long start)
    {
        var options = new BlobDownloadOptions { Range = new HttpRange(start, WindowBytes) };
        return (await pack.DownloadContentAsync(options, CancellationToken.None)).Value.Content.ToArray();
    }
}
