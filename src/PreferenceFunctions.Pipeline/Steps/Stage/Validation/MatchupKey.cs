namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Identity of a matchup for de-duplication: the prompt (by its 128-bit hash, see <see cref="TextHash"/>) and the
/// pair of images (by index id) in either order.
/// </summary>
internal readonly record struct MatchupKey
{
    private readonly UInt128 _prompt;
    private readonly int _low;
    private readonly int _high;

    public MatchupKey(UInt128 prompt, int image1Id, int image2Id)
    {
        _prompt = prompt;
        (_low, _high) = image1Id <= image2Id ? (image1Id, image2Id) : (image2Id, image1Id);
    }

    public override int GetHashCode() => (int)(ulong)_prompt ^ HashCode.Combine(_low, _high);
}
