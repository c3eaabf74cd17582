using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

public sealed record WriteResultsInput(string RunId, string RunsContainer, string ResultsBlobName, IReadOnlyList<string> ChunkBlobNames) : IRunInput;
