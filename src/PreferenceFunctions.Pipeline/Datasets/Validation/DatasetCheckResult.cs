using PreferenceFunctions.Pipeline.Datasets.Images;
using PreferenceFunctions.Pipeline.Datasets.Settings;

namespace PreferenceFunctions.Pipeline.Datasets.Validation;

/// <summary>The report plus what staging needs: resolved settings, the matchups to stage and each image's facts.</summary>
public sealed record DatasetCheckResult(
    ValidationReport Report,
    OrderSettings Settings,
    IReadOnlyList<MatchupRow> Staged,
    IReadOnlyDictionary<ImageEntry, ImageFacts> Facts,
    IReadOnlyList<string> MetadataColumns);
