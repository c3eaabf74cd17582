using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// What staging produced, small enough for orchestration history: the verdict, where the report, manifest and
/// chunks are (blob names in the runs container), counts, models, the first few errors and the resolved settings.
/// <see cref="SameAsRun"/>: the dataset is byte-identical to that completed run's, so nothing is staged for upload
/// (<see cref="Accepted"/> is false: a run that does not know the field orders nothing) and that run answers for this one.
/// </summary>
public sealed record StagedDataset(
    bool Accepted,
    string ReportBlobName,
    string? ManifestBlobName,
    IReadOnlyList<string> ChunkBlobNames,
    int MatchupCount,
    int ImageCount,
    int DistinctImageCount,
    IReadOnlyList<string> Models,
    int ErrorCount,
    int WarningCount,
    IReadOnlyList<string> FirstErrors,
    OrderSettings Settings,
    string? SameAsRun = null);
