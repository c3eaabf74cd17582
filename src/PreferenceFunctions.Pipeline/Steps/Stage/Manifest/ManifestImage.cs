using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>
/// One side of a staged matchup. <see cref="Path"/> is the zip entry name or the blob path relative to the dataset
/// folder (the URL for <see cref="ImageSource.Url"/>). <see cref="Sha256"/> (lower-case hex) and <see cref="SizeBytes"/>
/// are null only for URLs, which Rapidata downloads itself. <see cref="PackOffset"/>: where a small loose image's staged bytes
/// start in the run's <c>staged/images.pack</c> (<see cref="StagedImagePack"/>); null for zip entries, URLs, large loose
/// images (copied one by one) and runs staged before the pack.
/// </summary>
public sealed record ManifestImage(string Path, ImageSource Source, string FileName, string? Sha256, long? SizeBytes, string Model,
    long? PackOffset = null);
