using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

public sealed record UploadChunkInput(
    string RunId,
    string DatasetsContainer,
    string DatasetFolder,
    string RunsContainer,
    string ChunkBlobName,
    int ChunkIndex,
    string RapidataDatasetId) : IRunInput;
