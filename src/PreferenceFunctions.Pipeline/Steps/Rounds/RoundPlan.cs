namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>What a round will top up: its chunk of matchups (null when nothing is ordered) and the votes that buys.</summary>
public sealed record RoundPlan(int Round, string? ChunkBlobName, int Matchups, int Votes, RoundOutcome? NothingToOrder);
