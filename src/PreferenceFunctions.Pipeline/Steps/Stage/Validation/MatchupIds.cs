using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// A matchup id from the row's content when the CSV has no <c>id</c>: the same row always gets the same id,
/// <c>m-</c> + the first 8 bytes of SHA-256("prompt\nimage1\nimage2") in lower-case hex. The 8 bytes are a
/// <see cref="ulong"/>, so the CSV pass compares derived ids as numbers and never builds their strings.
/// </summary>
internal static class MatchupIds
{
    private const string Prefix = "m-";
    private const int StackBytes = 1024;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>The row's own id, else the one derived from its content.</summary>
    public static string Of(MatchupRow row) => row.Id ?? Derive(row.Prompt, row.Image1.Path, row.Image2.Path);

    public static string Derive(string prompt, string image1Path, string image2Path) => Format(DeriveHash(prompt, image1Path, image2Path));

    /// <summary>The derived id as a number: the first 8 bytes of the content hash, big-endian (as the id's hex reads).</summary>
    public static ulong DeriveHash(ReadOnlySpan<char> prompt, string image1Path, string image2Path)
    {
        var length = MaxContentBytes(prompt, image1Path, image2Path);
        byte[]? rented = null;
        var buffer = length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var hash = DeriveHash(buffer[..WriteContent(prompt, image1Path, image2Path, buffer)]);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    /// <summary>The most bytes <see cref="WriteContent"/> writes for these cells.</summary>
    public static int MaxContentBytes(ReadOnlySpan<char> prompt, string image1Path, string image2Path) =>
        Encoding.UTF8.GetMaxByteCount(prompt.Length + image1Path.Length + image2Path.Length + 2);

    /// <summary>Writes the hashed content, "prompt\nimage1\nimage2" in UTF-8; returns its length.</summary>
    public static int WriteContent(ReadOnlySpan<char> prompt, string image1Path, string image2Path, Span<byte> buffer)
    {
        var written = Encoding.UTF8.GetBytes(prompt, buffer);
        buffer[written++] = (byte)'\n';
        written += Encoding.UTF8.GetBytes(image1Path, buffer[written..]);
        buffer[written++] = (byte)'\n';
        return written + Encoding.UTF8.GetBytes(image2Path, buffer[written..]);
    }

    /// <summary>The derived id of content written by <see cref="WriteContent"/>.</summary>
    public static ulong DeriveHash(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    public static string Format(ulong hash) => Prefix + hash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>True when an explicit id has the derived form (<c>m-</c> + 16 lower-case hex digits): it may equal a derived id.</summary>
    public static bool TryParse(ReadOnlySpan<char> id, out ulong hash)
    {
        hash = 0;
        return id.Length == Prefix.Length + 16 && id.StartsWith(Prefix, StringComparison.Ordinal)
            && !id[Prefix.Length..].ContainsAnyExcept(LowerHex)
            && ulong.TryParse(id[Prefix.Length..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash);
    }
}
