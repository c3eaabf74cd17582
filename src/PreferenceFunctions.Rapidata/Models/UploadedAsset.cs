namespace PreferenceFunctions.Rapidata.Models;

/// <summary>What <c>POST /asset/file</c> returns.</summary>
/// <param name="FileName">The server-side asset name; reference the asset by this name from now on.</param>
/// <param name="Warnings">Non-fatal notices about the upload.</param>
public sealed record UploadedAsset(
    string FileName,
    IReadOnlyList<string> Warnings,
    bool WasCompressed,
    long? OriginalSizeBytes = null,
    long? FinalSizeBytes = null);
