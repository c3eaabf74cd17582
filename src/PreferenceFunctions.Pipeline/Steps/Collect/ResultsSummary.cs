namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>What WriteResults wrote: counts and the leading model, small enough for orchestration history.</summary>
public sealed record ResultsSummary(int Matchups, int TotalVotes, string? Winner);
