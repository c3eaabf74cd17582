namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Keys seen so far, each with the first row that has it: an open-addressing table of 128-bit keys (random bits:
/// hashes), so a lookup in a million-entry set costs one probe of one array (a <see cref="Dictionary{TKey,TValue}"/>
/// touches a bucket array and an entry array). Kept at most half full.
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
        while ((long)(_count + more) * 2 >= slots) slots *= 2;
        if (slots > _slots.Length) Rehash(slots);
    }

    /// <summary>True when the key is new (remembered with <paramref name="row"/>, &gt; 0); false with the row that has it.</summary>
    public bool TryAdd(UInt128 key, int row, out int firstRow)
    {
        if (_count * 2 >= _slots.Length) Rehash(_slots.Length * 2);
        var mask = _slots.Length - 1;
        for (var i = (int)(ulong)key & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Row == 0)
            {
                slot = new Slot(key, row);
                _count++;
                firstRow = 0;
                return true;
            }
            if (slot.Key == key)
            {
                firstRow = slot.Row;
                return false;
            }
        }
    }

    private void Rehash(int slots)
    {
        var old = _slots;
        _slots = new Slot[slots];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Row == 0) continue;
            var i = (int)(ulong)slot.Key & mask;
            while (_slots[i].Row != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }

    private readonly record struct Slot(UInt128 Key, int Row);
}
