namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>What reading an image's bytes found: SHA-256 (lower-case hex), size, format, and the dimensions its header
/// declares (null when the header does not say within the first bytes read).</summary>
public sealed record ImageFacts(string Sha256, long SizeBytes, ImageFormat Format, string HeaderDescription, long? Width = null, long? Height = null);
