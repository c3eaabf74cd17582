namespace PreferenceFunctions.Rapidata.Models;

/// <summary>An audience as <c>GET /audience/{audienceId}</c> returns it; <see cref="Status"/> is Created, Pending, Recruiting or Ready.</summary>
public sealed record RapidataAudience(string Id, string Name, string Status, long QualifiedUserCount);
