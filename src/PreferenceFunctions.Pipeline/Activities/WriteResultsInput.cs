namespace PreferenceFunctions.Pipeline.Activities;

public sealed record WriteResultsInput(string RunId, string RunsContainer, string ResultsBlobName, IReadOnlyList<string> ChunkBlobNames);
