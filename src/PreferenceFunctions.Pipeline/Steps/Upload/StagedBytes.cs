using System.Security.Cryptography;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Reads an image completely and checks it against the SHA-256 the manifest recorded at staging, so what is uploaded,
/// cached under that hash and shown in the report is byte for byte what was validated (images are at most
/// <c>MaxImageBytes</c>, so buffering one is bounded).
/// </summary>
public static class StagedBytes
{
    /// <exception cref="StagedImageChangedException">The bytes differ from the staged ones.</exception>
    public static async Task<byte[]> ReadVerifiedAsync(Stream content, ManifestImage image, CancellationToken cancellationToken)
    {
        using var buffer = image.SizeBytes is { } size and > 0 and < int.MaxValue ? new MemoryStream((int)size) : new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (image.Sha256 is { } staged)
        {
            var found = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(found, staged, StringComparison.Ordinal)) throw new StagedImageChangedException(image.Path, staged, found);
        }
        return bytes;
    }
}
