namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>The record of a finished upload chunk, kept as <c>{runId}/uploads/{index}.json</c>.</summary>
public sealed record UploadedChunk(UploadChunkResult Result, IReadOnlyList<UploadedMatchup> Matchups);
