using System.Runtime.CompilerServices;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// A prompt or id as its 128-bit XxHash3: the CSV pass compares these instead of holding a million strings. Two different
/// texts share a hash with probability ~2^-128 per pair, far below any chance of a disk or memory error.
/// </summary>
internal static class TextHash
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public static UInt128 Of(ReadOnlySpan<char> text) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text));
}
