namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// An image's bytes no longer match the SHA-256 recorded when the dataset was staged (the blob or images.zip was
/// replaced afterwards). Nothing is uploaded or cached for it.
/// </summary>
public sealed class StagedImageChangedException(string imagePath, string stagedSha256, string foundSha256)
    : Exception($"Image \"{imagePath}\" changed after the dataset was staged: its bytes hash to {foundSha256[..12]}..., " +
        $"staged as {stagedSha256[..12]}...; nothing was uploaded for it. Restore the original file, or upload the dataset again to start a new run.")
{
    public string ImagePath { get; } = imagePath;
}
