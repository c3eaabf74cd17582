using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>Identity of a matchup for de-duplication: the prompt and the pair of images (by index id) in either order.</summary>
internal readonly record struct MatchupKey
{
    private readonly string _prompt;
    private readonly int _low;
    private readonly int _high;

    public MatchupKey(string prompt, int image1Id, int image2Id)
    {
        _prompt = prompt;
        (_low, _high) = image1Id <= image2Id ? (image1Id, image2Id) : (image2Id, image1Id);
    }

    public bool Equals(MatchupKey other) => _low == other._low && _high == other._high && _prompt == other._prompt;

    public override int GetHashCode() => HashCode.Combine(FastStringComparer.Hash(_prompt), _low, _high);
}
