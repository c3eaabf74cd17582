namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>What one chunk did: matchups in it, assets uploaded now, assets reused, datapoints created now.</summary>
public sealed record UploadChunkResult(int ChunkIndex, int Matchups, int AssetsUploaded, int AssetsReused, int DatapointsCreated);
