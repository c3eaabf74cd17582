using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>The report plus what staging needs: resolved settings, the matchups to stage, each image's facts and a custom
/// audience's examples.</summary>
public sealed record DatasetCheckResult(
    ValidationReport Report,
    OrderSettings Settings,
    IReadOnlyList<MatchupRow> Staged,
    IReadOnlyDictionary<ImageEntry, ImageFacts> Facts,
    IReadOnlyList<string> MetadataColumns,
    IReadOnlyList<StagedAudienceExample> AudienceExamples);
