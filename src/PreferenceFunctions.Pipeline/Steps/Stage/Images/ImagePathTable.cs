using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// One scope's images by path, each listed once with its dense id, looked up per CSV cell: each path's seeded 128-bit
/// XxHash3 in an open-addressing array at most half full. Paths are compared by that hash alone, as prompts are
/// (<c>TextHash</c>): two different paths meet with probability ~lookups x paths / 2^128, and the seed is drawn per
/// process, so a crafted dataset cannot aim at it. A <see cref="Dictionary{TKey,TValue}"/> with a span comparer took
/// ~100 ns a lookup in validate's profile (interface calls per hash and per compare, then the path's string read from
/// wherever it lives); two lookups a row made it the largest cost of the parsing thread (docs/performance.md).
/// </summary>
internal sealed class ImagePathTable
{
    private static readonly long Seed = Random.Shared.NextInt64();
    private readonly Bucket[] _buckets;
    private readonly ImageSlot[] _slots;

    /// <summary>The entries in order, numbered from <paramref name="firstId"/>; a path listed again keeps its first entry.</summary>
    public ImagePathTable(IEnumerable<ImageEntry> entries, int firstId)
    {
        var listed = entries.ToList();
        var size = 16;
        while (size < listed.Count * 2) size *= 2;
        _buckets = new Bucket[size];
        var slots = new List<ImageSlot>(listed.Count);
        foreach (var entry in listed)
        {
            var hash = Hash(entry.Path);
            var bucket = BucketOf(hash);
            if (_buckets[bucket].Item != 0) continue;
            slots.Add(new ImageSlot(entry, firstId + slots.Count, entry.SizeBytes));
            _buckets[bucket] = new Bucket(hash, slots.Count);
        }
        _slots = [.. slots];
    }

    /// <summary>The distinct images, in the order they were listed.</summary>
    public IReadOnlyList<ImageSlot> Slots => _slots;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public bool TryGet(ReadOnlySpan<char> path, out ImageSlot slot)
    {
        var bucket = _buckets[BucketOf(Hash(path))];
        slot = bucket.Item == 0 ? default : _slots[bucket.Item - 1];
        return bucket.Item != 0;
    }

    /// <summary>The bucket holding <paramref name="hash"/>, else the empty one where it would go.</summary>
    private int BucketOf(UInt128 hash)
    {
        var mask = _buckets.Length - 1;
        var i = (int)(ulong)hash & mask;
        while (_buckets[i].Item != 0 && _buckets[i].Hash != hash) i = (i + 1) & mask;
        return i;
    }

    private static UInt128 Hash(ReadOnlySpan<char> path) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(path), Seed);

    /// <summary>A path's hash and its slot's index + 1 (0: an empty bucket).</summary>
    private readonly record struct Bucket(UInt128 Hash, int Item);
}
