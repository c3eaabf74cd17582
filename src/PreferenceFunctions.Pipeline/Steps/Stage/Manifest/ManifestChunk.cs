namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>One upload activity's share of the matchups (runs/{runId}/chunks/00000.json ...).</summary>
public sealed record ManifestChunk(int Index, IReadOnlyList<ManifestMatchup> Matchups);
