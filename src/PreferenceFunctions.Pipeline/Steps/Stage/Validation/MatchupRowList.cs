using System.Collections;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The valid matchups of a CSV pass, appended in file order. Stored in chunks of <see cref="ChunkSize"/> rows rather
/// than one growing array: a million 64-byte rows would otherwise be copied into ever larger large-object arrays
/// (about 128 MB copied and zeroed). A full chunk is never moved again; only the last chunk grows, by doubling.
/// </summary>
internal sealed class MatchupRowList : IReadOnlyList<MatchupRow>
{
    /// <summary>2,048 rows of 64 bytes: a chunk lands on the large-object heap, so the GC never copies it.</summary>
    private const int ChunkBits = 11;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<MatchupRow[]> _chunks = [];
    private MatchupRow[] _last = [];
    private int _lastCount;

    public int Count { get; private set; }

    public MatchupRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        }
    }

    public void Add(MatchupRow row)
    {
        if (_lastCount == _last.Length)
        {
            if (_lastCount == ChunkSize || _chunks.Count == 0)
            {
                _last = new MatchupRow[_chunks.Count == 0 ? 16 : ChunkSize];
                _chunks.Add(_last);
                _lastCount = 0;
            }
            else
            {
                Array.Resize(ref _last, _last.Length * 2); // only the first chunk grows: small CSVs stay small
                _chunks[^1] = _last;
            }
        }
        _last[_lastCount++] = row;
        Count++;
    }

    public IEnumerator<MatchupRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
