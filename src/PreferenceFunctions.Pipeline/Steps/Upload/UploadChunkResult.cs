namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>What one chunk did: matchups in it, assets uploaded now, assets reused, datapoints created now; for the run's
/// own chunks (<see cref="UploadChunkInput.CallsInResult"/>) also the Rapidata calls and retries of the attempt that
/// succeeded, filled in by the activity's wrapper (<c>TracedTaskActivity</c>).</summary>
public sealed record UploadChunkResult(int ChunkIndex, int Matchups, int AssetsUploaded, int AssetsReused, int DatapointsCreated,
    long RapidataCalls = 0, long RapidataRetries = 0);
