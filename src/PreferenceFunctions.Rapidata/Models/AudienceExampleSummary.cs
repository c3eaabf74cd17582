namespace PreferenceFunctions.Rapidata.Models;

/// <summary>An audience example as <c>GET /audience/{id}/examples</c> lists it: its id, sort index, assets' file names, context.</summary>
public sealed record AudienceExampleSummary(string Id, int? SortIndex, IReadOnlyList<string> AssetNames, string? Context);
