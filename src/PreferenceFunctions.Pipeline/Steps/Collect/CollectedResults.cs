using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// A run's results joined to its matchups and analysed, with the staged images by path, the staged matchups the results
/// were joined to (for the votes export) and the folder of the run's copy of the images in the runs container (for the
/// report; null for runs staged before images were copied).
/// </summary>
public sealed record CollectedResults(PreferenceAnalysis Analysis, IReadOnlyDictionary<string, ManifestImage> ImagesByPath,
    IReadOnlyList<Matchup> KnownMatchups, string? StagedImagesFolder = null);
