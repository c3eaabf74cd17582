using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <param name="RecordScope">A follow-up round's folder; null for the run's own upload.</param>
public sealed record UploadChunkInput(
    string RunId,
    string DatasetsContainer,
    string DatasetFolder,
    string RunsContainer,
    string ChunkBlobName,
    int ChunkIndex,
    string RapidataDatasetId,
    string? RecordScope = null) : IRunInput
{
    /// <summary>Where the chunk's upload records live: the run's folder, or a follow-up round's (<c>{runId}/rounds/{nn}</c>).</summary>
    public string RecordFolder => RecordScope ?? RunId;
}
