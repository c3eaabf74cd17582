namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>An image Rapidata holds: one record of the <see cref="MediaAssetLog"/>, so identical content uploads once
/// across chunks, runs and hosts.</summary>
/// <param name="Sha256">The content's SHA-256 (lower-case hex); null for an image given by URL, which is never cached.</param>
/// <param name="AssetName">The <c>fileName</c> Rapidata returned; datapoints reference it.</param>
/// <param name="OriginalFileName">The file name sent with the upload; Rapidata's results key votes by it.</param>
public sealed record MediaAsset(string? Sha256, string AssetName, string OriginalFileName, long SizeBytes)
{
    /// <summary>Eight hex digits identifying a Rapidata API by its base URL: the emulator and the real API do not share assets.</summary>
    public static string ApiKeyFor(Uri apiBaseUrl) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiBaseUrl.ToString())))[..8];
}
