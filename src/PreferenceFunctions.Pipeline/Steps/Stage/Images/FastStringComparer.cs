using System.Runtime.CompilerServices;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// Ordinal string comparer hashing with XxHash3 (vectorised, several times faster than the default on paths and
/// prompts), seeded per process so a crafted CSV cannot force collisions. Also compares spans with strings, so
/// CSV cells are looked up without allocating.
/// </summary>
internal sealed class FastStringComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static readonly FastStringComparer Instance = new();
    private static readonly long Seed = Random.Shared.NextInt64();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public static int Hash(ReadOnlySpan<char> text) => (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text), Seed);

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => Hash(obj);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();
}
