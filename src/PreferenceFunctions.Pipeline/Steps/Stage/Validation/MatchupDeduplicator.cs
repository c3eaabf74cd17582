using System.Runtime.InteropServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Finds rows with the same prompt and images (in either order) as an earlier row. Most images are in one matchup,
/// so each index image's first matchup sits in an array at the image's dense id: no hashing and no random probe of
/// a million-entry dictionary per row. Only when a second matchup shares the lower image (or an image is a URL) do
/// the keys go to a dictionary, so every row costs O(1) whatever the data. Prompts are kept as 128-bit hashes
/// (<see cref="TextHash"/>), never as strings.
/// </summary>
internal sealed class MatchupDeduplicator(int indexImageCount)
{
    /// <summary>Row numbers start at 2: 0 marks an unused slot, 1 a lower image whose matchups are keyed in the dictionary.</summary>
    private const int Unused = 0;
    private const int InDictionary = 1;

    private readonly FirstMatchup[] _byLowerImage = new FirstMatchup[indexImageCount];
    private readonly Dictionary<MatchupKey, int> _seen = [];

    /// <summary>True for a new matchup (remembered as <paramref name="row"/>); false for a duplicate, with the row it repeats.</summary>
    public bool TryAdd(ReadOnlySpan<char> prompt, int image1Id, int image2Id, int row, out int firstRow)
    {
        var hash = TextHash.Of(prompt);
        var (lower, higher) = image1Id <= image2Id ? (image1Id, image2Id) : (image2Id, image1Id);
        if ((uint)lower < (uint)_byLowerImage.Length) // an index image; URL images have negative ids
        {
            ref var first = ref _byLowerImage[lower];
            if (first.Row == Unused)
            {
                first = new FirstMatchup(hash, higher, row);
                firstRow = 0;
                return true;
            }
            if (first.Row != InDictionary)
            {
                if (first.Higher == higher && first.Prompt == hash)
                {
                    firstRow = first.Row;
                    return false;
                }
                _seen.Add(new MatchupKey(first.Prompt, lower, first.Higher), first.Row);
                first = first with { Row = InDictionary };
            }
        }
        // One hash and probe: the slot found for a new key is the one filled.
        ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, new MatchupKey(hash, lower, higher), out var isDuplicate);
        if (isDuplicate)
        {
            firstRow = known;
            return false;
        }
        known = row;
        firstRow = 0;
        return true;
    }

    private readonly record struct FirstMatchup(UInt128 Prompt, int Higher, int Row);
}
