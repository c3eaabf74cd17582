using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>
/// One side of a staged matchup. <see cref="Path"/> is the zip entry name or the blob path relative to the dataset
/// folder (the URL for <see cref="ImageSource.Url"/>). <see cref="Sha256"/> (lower-case hex) and <see cref="SizeBytes"/>
/// are null only for URLs, which Rapidata downloads itself. <see cref="PackOffset"/>: where a small image's staged bytes
/// start in the run's pack for its source, <c>staged/images.pack</c> or <c>staged/images.zip.pack</c>
/// (<see cref="StagedImagePack"/>); null for URLs, large images (read on their own) and runs staged before the packs.
/// </summary>
public sealed record ManifestImage(string Path, ImageSource Source, string FileName, string? Sha256, long? SizeBytes, string Model,
    long? PackOffset = null);
