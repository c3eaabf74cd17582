namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A datapoint context too long for Rapidata (over 400 characters) and the question it is shown with.</summary>
public sealed record ContextToShorten(string Context, string Question);
