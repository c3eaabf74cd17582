namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>Names of the blobs a run keeps in the runs container, all under <c>{runId}/</c>.</summary>
public static class RunBlobs
{
    public static string Validation(string runId) => $"{runId}/validation.json";
    public static string Manifest(string runId) => $"{runId}/manifest.json";
    public static string Results(string runId) => $"{runId}/results.json";
    public static string Report(string runId) => $"{runId}/report.html";
    public static string Votes(string runId) => $"{runId}/votes.parquet";
    public static string UploadedChunk(string runId, int chunkIndex) => $"{runId}/uploads/{chunkIndex:D5}.json";
    public static string UploadStarted(string runId, int chunkIndex) => $"{runId}/uploads/{chunkIndex:D5}.started";
}
