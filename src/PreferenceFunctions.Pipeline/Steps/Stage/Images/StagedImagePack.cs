using System.Text;
using Azure.Storage.Blobs.Specialized;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// The run's copy of its small images as one block blob per source (<see cref="BlobNameFor"/>): image after image, in the
/// order given, each at the offset its listed size places it. One write per block of about <see cref="BlockBytes"/> instead
/// of a copy per loose image, and for images.zip one range read per window of small images instead of the archive's
/// central directory read again by every upload chunk (200,000 entries are about 13 MB of directory). The layout depends
/// only on the listing (the zip's central directory), so an attempt run twice writes the same blocks; the bytes themselves
/// are checked against the staged SHA-256 by every reader (<see cref="Upload.StagedBytes"/>).
/// </summary>
internal sealed class StagedImagePack
{
    public const string BlobName = "images.pack";
    public const string ZipBlobName = "images.zip.pack";
    public const long MaxImageBytes = 8 * 1024 * 1024;
    private const long BlockBytes = 4 * 1024 * 1024;

    private readonly BlockBlobClient _blob;
    private readonly Dictionary<ImageEntry, Slot> _slots = new(ReferenceEqualityComparer.Instance);
    private readonly List<Block> _blocks = [];

    /// <summary>Plans the layout of <paramref name="images"/> that have a listed size of at most <see cref="MaxImageBytes"/>.</summary>
    public StagedImagePack(BlockBlobClient blob, IEnumerable<ImageEntry> images)
    {
        _blob = blob;
        long offset = 0;
        Block? block = null;
        foreach (var image in images)
        {
            if (image.SizeBytes is not { } size || size > MaxImageBytes || _slots.ContainsKey(image)) continue;
            if (block is null || (block.Length > 0 && block.Length + size > BlockBytes))
            {
                block = new Block(BlockId(_blocks.Count), offset);
                _blocks.Add(block);
            }
            _slots[image] = new Slot(block, offset - block.Offset);
            block.Length += size;
            block.Images++;
            offset += size;
        }
    }

    /// <summary>The pack of loose images or the pack of images.zip's entries, in the run's staged folder.</summary>
    public static string BlobNameFor(ImageSource source) => source == ImageSource.Zip ? ZipBlobName : BlobName;

    public bool Holds(ImageEntry image) => _slots.ContainsKey(image);

    /// <summary>Where each packed image starts in the pack blob.</summary>
    public IReadOnlyDictionary<ImageEntry, long> Offsets =>
        _slots.ToDictionary(s => s.Key, s => s.Value.Block.Offset + s.Value.OffsetInBlock, (IEqualityComparer<ImageEntry>)ReferenceEqualityComparer.Instance);

    /// <summary>Places an image's bytes; the block goes to storage when its last image has arrived. Safe to call concurrently.</summary>
    /// <exception cref="IOException">The blob's size differs from the listing's: it was replaced during staging.</exception>
    public async Task AddAsync(ImageEntry image, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var slot = _slots[image];
        if (bytes.Length != image.SizeBytes)
            throw new IOException($"\"{image.Path}\" was replaced while the dataset was being staged (listed {image.SizeBytes:N0} bytes, read {bytes.Length:N0}); staging again reads it anew.");
        byte[] buffer;
        lock (slot.Block) buffer = slot.Block.Buffer ??= new byte[slot.Block.Length];
        bytes.Span.CopyTo(buffer.AsSpan((int)slot.OffsetInBlock));
        if (Interlocked.Decrement(ref slot.Block.Images) > 0) return;
        using var content = new MemoryStream(buffer, writable: false);
        await _blob.StageBlockAsync(slot.Block.Id, content, cancellationToken: cancellationToken);
        slot.Block.Buffer = null;
    }

    /// <summary>Commits the blocks as the pack blob, once every packed image was added.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_blocks.Count == 0) return;
        if (_blocks.Any(b => b.Images > 0)) throw new InvalidOperationException("The pack is committed before all of its images were added.");
        await _blob.CommitBlockListAsync(_blocks.Select(b => b.Id), cancellationToken: cancellationToken);
    }

    private static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{index:D8}"));

    private sealed class Block(string id, long offset)
    {
        public string Id { get; } = id;
        public long Offset { get; } = offset;
        public long Length { get; set; }
        public int Images;
        public byte[]? Buffer { get; set; }
    }

    private sealed record Slot(Block Block, long OffsetInBlock);
}
