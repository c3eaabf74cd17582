using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>
/// runs/{runId}/manifest.json: the normalised dataset's summary and where its chunks are. <see cref="ZipETag"/> and
/// <see cref="CsvETag"/> record the versions read, so a reader can notice a dataset replaced mid-run. <see cref="AudienceExamples"/>
/// are a custom audience's qualification examples (none for manifests written before they were uploaded).
/// </summary>
public sealed record DatasetManifest(
    string RunId,
    string DatasetsContainer,
    string DatasetFolder,
    string? ZipBlobName,
    string? ZipETag,
    string CsvETag,
    int MatchupCount,
    int ImageCount,
    int DistinctImageCount,
    IReadOnlyList<ModelSummary> Models,
    IReadOnlyList<ModelPairCount> ModelPairs,
    OrderSettings Settings,
    int ChunkSize,
    IReadOnlyList<string> ChunkBlobNames,
    IReadOnlyList<ManifestAudienceExample>? AudienceExamples = null);
