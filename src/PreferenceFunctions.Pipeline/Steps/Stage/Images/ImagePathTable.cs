using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// One scope's image paths, looked up per CSV cell: each path's seeded 128-bit XxHash3 in an open-addressing array at
/// most half full. Paths are compared by that hash alone, as prompts are (<c>TextHash</c>): two different paths meet with
/// probability ~lookups x paths / 2^128, and the seed is drawn per process, so a crafted dataset cannot aim at it.
/// A <see cref="Dictionary{TKey,TValue}"/> with a span comparer took ~100 ns a lookup in validate's profile (interface
/// calls per hash and per compare, then the path's string read from wherever it lives); two lookups a row made it the
/// largest cost of the parsing thread (docs/performance.md).
/// </summary>
internal sealed class ImagePathTable
{
    private static readonly long Seed = Random.Shared.NextInt64();
    private readonly Bucket[] _buckets;
    private readonly ImageSlot[] _slots;

    public ImagePathTable(IReadOnlyCollection<KeyValuePair<string, ImageSlot>> items)
    {
        var size = 16;
        while (size < items.Count * 2) size *= 2;
        _buckets = new Bucket[size];
        _slots = new ImageSlot[items.Count];
        var item = 0;
        foreach (var (path, slot) in items)
        {
            _slots[item] = slot;
            var hash = Hash(path);
            var i = (int)(ulong)hash & (size - 1);
            while (_buckets[i].Item != 0) i = (i + 1) & (size - 1);
            _buckets[i] = new Bucket(hash, ++item);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public bool TryGet(ReadOnlySpan<char> path, out ImageSlot slot)
    {
        var hash = Hash(path);
        var mask = _buckets.Length - 1;
        for (var i = (int)(ulong)hash & mask; ; i = (i + 1) & mask)
        {
            var bucket = _buckets[i];
            if (bucket.Item == 0) break;
            if (bucket.Hash == hash)
            {
                slot = _slots[bucket.Item - 1];
                return true;
            }
        }
        slot = default;
        return false;
    }

    private static UInt128 Hash(ReadOnlySpan<char> path) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(path), Seed);

    /// <summary>A path's hash and its slot's index + 1 (0: an empty bucket).</summary>
    private readonly record struct Bucket(UInt128 Hash, int Item);
}
