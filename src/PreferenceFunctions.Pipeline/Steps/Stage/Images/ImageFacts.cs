namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>What reading an image's bytes found: SHA-256 (lower-case hex), size and format.</summary>
public sealed record ImageFacts(string Sha256, long SizeBytes, ImageFormat Format, string HeaderDescription);
