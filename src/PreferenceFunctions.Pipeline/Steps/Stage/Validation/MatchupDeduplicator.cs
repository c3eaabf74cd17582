using System.Runtime.InteropServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Finds rows with the same prompt and images (in either order) as an earlier row. Most images are in one matchup,
/// so each index image's first matchup sits in an array at the image's dense id: no hashing and no random probe of
/// a million-entry dictionary per row. Only when a second matchup shares the lower image (or an image is a URL) do
/// the keys go to a dictionary, so every row costs O(1) whatever the data.
/// </summary>
internal sealed class MatchupDeduplicator(int indexImageCount)
{
    /// <summary>Marks a lower image whose matchups are keyed in the dictionary; row numbers start at 2.</summary>
    private const int InDictionary = 0;

    private readonly FirstMatchup[] _byLowerImage = new FirstMatchup[indexImageCount];
    private readonly Dictionary<MatchupKey, int> _seen = [];

    /// <summary>True for a new matchup (remembered as <paramref name="row"/>); false for a duplicate, with the row it repeats.</summary>
    public bool TryAdd(string prompt, int image1Id, int image2Id, int row, out int firstRow)
    {
        var (lower, higher) = image1Id <= image2Id ? (image1Id, image2Id) : (image2Id, image1Id);
        if ((uint)lower < (uint)_byLowerImage.Length) // an index image; URL images have negative ids
        {
            ref var first = ref _byLowerImage[lower];
            if (first.Prompt is null)
            {
                first = new FirstMatchup(prompt, higher, row);
                firstRow = 0;
                return true;
            }
            if (first.Row != InDictionary)
            {
                if (first.Higher == higher && first.Prompt == prompt)
                {
                    firstRow = first.Row;
                    return false;
                }
                _seen.Add(new MatchupKey(first.Prompt, lower, first.Higher), first.Row);
                first = first with { Row = InDictionary };
            }
        }
        // One hash and probe: the slot found for a new key is the one filled.
        ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, new MatchupKey(prompt, lower, higher), out var isDuplicate);
        if (isDuplicate)
        {
            firstRow = known;
            return false;
        }
        known = row;
        firstRow = 0;
        return true;
    }

    private readonly record struct FirstMatchup(string? Prompt, int Higher, int Row);
}
