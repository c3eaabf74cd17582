namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>One upload activity's share of the matchups (runs/{runId}/chunks/00000.json ...).</summary>
/// <param name="StagedImagesFolder">Where in the runs container the run's copy of its images is
/// (<see cref="Images.StagedImages"/>); null for runs staged before images were copied, whose images are read from the
/// dataset folder and checked against their staged hash.</param>
public sealed record ManifestChunk(int Index, IReadOnlyList<ManifestMatchup> Matchups, string? StagedImagesFolder = null);
