namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>What WriteResults wrote: counts, the winner (null unless clear) and the models tied at the top, small enough
/// for orchestration history.</summary>
public sealed record ResultsSummary(int Matchups, int TotalVotes, string? Winner, IReadOnlyList<string>? Leaders = null);
