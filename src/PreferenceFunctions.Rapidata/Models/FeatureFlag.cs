namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A Rapidata feature flag (a setting such as <c>no_shuffle</c> or <c>compare_unsure</c>); values are always text.</summary>
public sealed record FeatureFlag(string Key, string Value);
