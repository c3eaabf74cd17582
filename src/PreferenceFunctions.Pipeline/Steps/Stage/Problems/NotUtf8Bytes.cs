using System.Text;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Problems;

/// <summary>How a <c>not-utf8</c> problem names the bytes it found, in matchups.csv and order.json alike.</summary>
internal static class NotUtf8Bytes
{
    /// <summary>The invalid sequence <paramref name="invalid"/> starts with, in hex ("E6 97"): its longest invalid start
    /// (a truncated one at the end: its bytes so far).</summary>
    public static string Hex(ReadOnlySpan<byte> invalid)
    {
        Rune.DecodeFromUtf8(invalid, out _, out var length);
        return Spaced(invalid[..length]);
    }

    /// <summary>The invalid UTF-16 or UTF-32 code unit <paramref name="invalid"/> starts with, in hex as in the file ("3D D8"); at the end, the bytes left.</summary>
    public static string HexOfUnit(ReadOnlySpan<byte> invalid, int unitBytes) => Spaced(invalid[..Math.Min(unitBytes, invalid.Length)]);

    private static string Spaced(ReadOnlySpan<byte> bytes) => BitConverter.ToString(bytes.ToArray()).Replace('-', ' ');
}
