namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>The referee of the order; <see cref="Threshold"/> is null for <see cref="RefereeKind.Naive"/>.</summary>
public sealed record RefereeSettings(RefereeKind Kind, double? Threshold);
