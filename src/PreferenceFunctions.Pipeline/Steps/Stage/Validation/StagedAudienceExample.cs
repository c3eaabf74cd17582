using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>A custom audience's qualification example whose images were found in the dataset; <see cref="Index"/> is its place in
/// order.json's list (the example's sort index at Rapidata).</summary>
public sealed record StagedAudienceExample(int Index, AudienceExample Example, ImageEntry Image1, ImageEntry Image2);
