using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>A run's results joined to its matchups and analysed, with the staged images by path (for the report) and
/// the staged matchups the results were joined to (for the votes export).</summary>
public sealed record CollectedResults(
    PreferenceAnalysis Analysis,
    IReadOnlyDictionary<string, ManifestImage> ImagesByPath,
    IReadOnlyList<Matchup> KnownMatchups);
