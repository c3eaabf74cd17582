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
        return BitConverter.ToString(invalid[..length].ToArray()).Replace('-', ' ');
    }
}
