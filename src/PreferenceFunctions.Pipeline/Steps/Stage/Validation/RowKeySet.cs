using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Keys seen so far, each with the first row that has it: an open-addressing table of hash keys, so a lookup in a
/// million-entry set costs one probe of one array (a <see cref="Dictionary{TKey,TValue}"/> touches a bucket array and
/// an entry array). A slot is 16 bytes: it holds 96 of the key's 128 bits (all 64 low bits, so a <see cref="ulong"/>
/// key is held whole), which makes two different keys in a million-row file meet with probability ~10^-17.
/// Kept at most three quarters full (linear probing stays short at that load, and fresh memory is what costs most: each
/// first touch of a page faults it in); <see cref="EnsureRoomFor"/> sizes it once when the number of keys is known ahead.
/// A large table is asked for in 2 MiB pages (<see cref="LargeTable"/>), and <see cref="Prefetch"/> lets a caller start a
/// probe's cache miss some rows ahead (docs/performance.md).
/// </summary>
internal sealed class RowKeySet
{
    private Slot[] _slots = new Slot[1024];
    private int _count;

    /// <summary>The key of a matchup: its prompt's <see cref="TextHash"/> and its image pair in either order.</summary>
    public static UInt128 MatchupKey(UInt128 prompt, int image1Id, int image2Id)
    {
        var (low, high) = image1Id <= image2Id ? (image1Id, image2Id) : (image2Id, image1Id);
        return prompt ^ new UInt128((ulong)(uint)low * 0x9E3779B97F4A7C15, (ulong)(uint)high);
    }

    /// <summary>Makes room for <paramref name="more"/> new keys at once: one allocation instead of doubling up to it.</summary>
    public void EnsureRoomFor(int more)
    {
        var slots = _slots.Length;
        while (IsFull(_count + more, slots)) slots *= 2;
        if (slots > _slots.Length) Rehash(slots);
    }

    /// <summary>True when the key is new (remembered with <paramref name="row"/>, &gt; 0); false with the row that has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public bool TryAdd(UInt128 key, int row, out int firstRow)
    {
        if (IsFull(_count, _slots.Length)) Rehash(_slots.Length * 2);
        var (low, high) = ((ulong)key, (uint)(key >> 64));
        var mask = _slots.Length - 1;
        for (var i = (int)low & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Row == 0)
            {
                slot = new Slot(low, high, row);
                _count++;
                firstRow = 0;
                return true;
            }
            if (slot.Low == low && slot.High == high)
            {
                firstRow = slot.Row;
                return false;
            }
        }
    }

    /// <summary>
    /// Starts loading the slot where <paramref name="key"/>'s probe begins. A caller with much work between probes (the
    /// rules apply a batch row by row) otherwise waits for each probe's cache miss alone; asked a few rows ahead, the misses overlap.
    /// </summary>
    public unsafe void Prefetch(UInt128 key)
    {
        if (!Sse.IsSupported) return;
        fixed (Slot* slots = _slots) Sse.Prefetch0(slots + ((int)(ulong)key & (_slots.Length - 1)));
    }

    private static bool IsFull(long keys, long slots) => keys * 4 >= slots * 3;

    private void Rehash(int slots)
    {
        var old = _slots;
        _slots = LargeTable.Allocate<Slot>(slots);
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Row == 0) continue;
            var i = (int)slot.Low & mask;
            while (_slots[i].Row != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }

    private readonly record struct Slot(ulong Low, uint High, int Row);
}
