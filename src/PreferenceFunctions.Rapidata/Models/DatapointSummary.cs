namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A datapoint as <c>GET /dataset/{id}/datapoints</c> lists it: its id, its assets' file names, its context.</summary>
public sealed record DatapointSummary(string Id, IReadOnlyList<string> AssetNames, string? Context);
