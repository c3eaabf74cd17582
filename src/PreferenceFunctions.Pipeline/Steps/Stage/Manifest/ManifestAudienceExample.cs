namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>A custom audience's qualification example as staged: its images (hashed, in the run's staged copy) and which of the
/// two is right (<see cref="Winner"/> 1 or 2). <see cref="SortIndex"/> is its place in order.json's list.</summary>
public sealed record ManifestAudienceExample(int SortIndex, string Prompt, ManifestImage Image1, ManifestImage Image2, int Winner);
