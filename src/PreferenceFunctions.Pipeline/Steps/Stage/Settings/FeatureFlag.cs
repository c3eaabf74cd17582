namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>One Rapidata feature flag (<c>rapidFeatureFlags</c> item); the value is always a string.</summary>
public sealed record FeatureFlag(string Key, string Value);
