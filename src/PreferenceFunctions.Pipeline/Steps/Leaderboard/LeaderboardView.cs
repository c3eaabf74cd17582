using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// A leaderboard as stored: its models in rank order (with how many runs each played in), its pairs, its runs, and when it
/// last changed.
/// </summary>
public sealed record LeaderboardView(
    string Name,
    DateTimeOffset Updated,
    long Version,
    long Votes,
    long Matchups,
    IReadOnlyList<PairCountScore> Models,
    IReadOnlyDictionary<string, int> RunsPerModel,
    IReadOnlyList<LeaderboardPair> Pairs,
    IReadOnlyList<LeaderboardRun> Runs);
