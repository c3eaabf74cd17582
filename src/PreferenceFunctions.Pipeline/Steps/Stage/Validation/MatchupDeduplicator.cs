using System.Runtime.CompilerServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Finds rows with the same prompt and images (in either order) as an earlier row. Most images are in one matchup,
/// so each index image's first matchup sits in an array at the image's dense id: no hashing and no random probe of
/// a million-entry dictionary per row. Only when a second matchup shares the lower image (or an image is a URL) do
/// the keys go to a <see cref="RowKeySet"/>, so every row costs O(1) whatever the data. Prompts are kept as 128-bit hashes
/// (<see cref="TextHash"/>), never as strings.
/// </summary>
internal sealed class MatchupDeduplicator(int indexImageCount)
{
    /// <summary>Row numbers start at 2: 0 marks an unused slot, 1 a lower image whose matchups are in the key set.</summary>
    private const int Unused = 0;
    private const int InKeySet = 1;

    private readonly FirstMatchup[] _byLowerImage = new FirstMatchup[indexImageCount];
    private readonly RowKeySet _seen = new();
    private int _expectedRows;

    /// <summary>How many rows the file likely holds: the key set is sized for them at its first use instead of growing.</summary>
    public void ExpectRows(int rows) => _expectedRows = rows;

    /// <summary>
    /// True for a new matchup (remembered as <paramref name="row"/>); false for a duplicate, with the row it repeats.
    /// <paramref name="prompt"/> is the prompt's <see cref="TextHash"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public bool TryAdd(UInt128 prompt, int image1Id, int image2Id, int row, out int firstRow)
    {
        var (lower, higher) = image1Id <= image2Id ? (image1Id, image2Id) : (image2Id, image1Id);
        if ((uint)lower < (uint)_byLowerImage.Length) // an index image; URL images have negative ids
        {
            ref var first = ref _byLowerImage[lower];
            if (first.Row == Unused)
            {
                first = new FirstMatchup(prompt, higher, row);
                firstRow = 0;
                return true;
            }
            if (first.Row != InKeySet)
            {
                if (first.Higher == higher && first.Prompt == prompt)
                {
                    firstRow = first.Row;
                    return false;
                }
                KeySet().TryAdd(RowKeySet.MatchupKey(first.Prompt, lower, first.Higher), first.Row, out _);
                first = first with { Row = InKeySet };
            }
        }
        return KeySet().TryAdd(RowKeySet.MatchupKey(prompt, lower, higher), row, out firstRow);
    }

    /// <summary>Starts loading what <see cref="TryAdd"/> will probe for this matchup, when that is the key set.</summary>
    public void Prefetch(UInt128 prompt, int image1Id, int image2Id)
    {
        var lower = Math.Min(image1Id, image2Id);
        if ((uint)lower >= (uint)_byLowerImage.Length || _byLowerImage[lower].Row == InKeySet)
            _seen.Prefetch(RowKeySet.MatchupKey(prompt, image1Id, image2Id));
    }

    private RowKeySet KeySet()
    {
        if (_expectedRows > 0) _seen.EnsureRoomFor(_expectedRows);
        _expectedRows = 0;
        return _seen;
    }

    private readonly record struct FirstMatchup(UInt128 Prompt, int Higher, int Row);
}
