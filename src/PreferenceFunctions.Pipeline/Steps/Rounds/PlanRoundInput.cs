using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>Plan round <see cref="Round"/> (2 or more) from the votes so far: the first order's results plus earlier rounds'.</summary>
public sealed record PlanRoundInput(string RunId, string RunsContainer, int Round, string ResultsBlobName,
    IReadOnlyList<string> ChunkBlobNames, AdaptiveSettings Adaptive, int VotesLeft);
