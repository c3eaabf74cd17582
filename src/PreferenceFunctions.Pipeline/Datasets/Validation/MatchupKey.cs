using System.Runtime.CompilerServices;
using PreferenceFunctions.Pipeline.Datasets.Images;

namespace PreferenceFunctions.Pipeline.Datasets.Validation;

/// <summary>Identity of a matchup for de-duplication: the prompt and the pair of images in either order.</summary>
public readonly struct MatchupKey(string prompt, ImageEntry first, ImageEntry second) : IEquatable<MatchupKey>
{
    public bool Equals(MatchupKey other) =>
        prompt == other.Prompt && ((first == other.First && second == other.Second) || (first == other.Second && second == other.First));

    public override bool Equals(object? obj) => obj is MatchupKey other && Equals(other);

    // XOR keeps the hash the same when the two images swap sides.
    public override int GetHashCode() => HashCode.Combine(FastStringComparer.Hash(prompt), RuntimeHelpers.GetHashCode(first) ^ RuntimeHelpers.GetHashCode(second));

    private string Prompt => prompt;
    private ImageEntry First => first;
    private ImageEntry Second => second;
}
