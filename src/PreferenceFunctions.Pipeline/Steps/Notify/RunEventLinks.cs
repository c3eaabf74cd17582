namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Where a consumer can read more about the run; each link is absent when the host has no public URL.</summary>
public sealed record RunEventLinks(string? Results = null, string? Report = null, string? Status = null);
