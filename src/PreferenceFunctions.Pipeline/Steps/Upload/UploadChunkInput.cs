using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <param name="RecordScope">A follow-up round's folder; null for the run's own upload.</param>
/// <param name="CallsInResult">
/// True for the run's own fan-out: the chunk's Rapidata calls come back in its <see cref="UploadChunkResult"/> and reach
/// the run's row with the phase's totals, one row write for the phase instead of one a chunk (about a tenth of the upload
/// phase's storage requests on Azurite). False (a follow-up round's one chunk, and chunks scheduled before this member
/// existed): the activity's wrapper adds them to the row itself.
/// </param>
public sealed record UploadChunkInput(
    string RunId,
    string DatasetsContainer,
    string DatasetFolder,
    string RunsContainer,
    string ChunkBlobName,
    int ChunkIndex,
    string RapidataDatasetId,
    string? RecordScope = null,
    bool CallsInResult = false) : IRunInput
{
    /// <summary>Where the chunk's upload records live: the run's folder, or a follow-up round's (<c>{runId}/rounds/{nn}</c>).</summary>
    public string RecordFolder => RecordScope ?? RunId;
}
