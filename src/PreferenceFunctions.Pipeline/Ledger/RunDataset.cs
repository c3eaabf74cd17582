namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>What staging found in a run's dataset, as the run's row shows it.</summary>
public sealed record RunDataset
{
    public required int MatchupCount { get; init; }
    public required int ImageCount { get; init; }
    public required int ChunkCount { get; init; }
    public required IReadOnlyList<string> Models { get; init; }
    public required string ValidationBlob { get; init; }
    public required string Criteria { get; init; }
    public required int ResponsesPerMatchup { get; init; }

    /// <summary>The leaderboard (order.json <c>leaderboard</c>) the run's votes are added to once it completes; null for none.</summary>
    public string? Leaderboard { get; init; }

    /// <summary>The first validation errors when the dataset was rejected; null when it was accepted.</summary>
    public string? Errors { get; init; }

    /// <summary>The completed run whose dataset this one repeats byte for byte (nothing is ordered), else null.</summary>
    public string? SameAsRun { get; init; }
}
