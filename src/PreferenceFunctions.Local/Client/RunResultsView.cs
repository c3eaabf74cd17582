using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Local.Client;

/// <summary>What <c>GET /api/runs/{runId}/results</c> returns as JSON: models in rank order, matchups by ratio.</summary>
public sealed record RunResultsView(
    string RunId,
    string? Status,
    string? OrderId,
    int? TotalVotes,
    string? Winner,
    IReadOnlyList<ModelScore> Models,
    IReadOnlyList<MatchupResult> Matchups,
    IReadOnlyList<string>? Leaders = null);
