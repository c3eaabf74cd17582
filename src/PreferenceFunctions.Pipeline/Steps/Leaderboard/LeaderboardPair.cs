using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// The votes between two models (<see cref="Model1"/> ordinally first) in a leaderboard, or in one run's contribution
/// to it: <see cref="Wins"/> votes for Model1, <see cref="Losses"/> votes for Model2, <see cref="Ties"/> Both/Neither
/// votes (not used by the fit), the weighted votes of each side, the matchups as vote splits (what the fit and its
/// bootstrap use) and how many runs the votes came from (a count, not the ids: a pair can be counted in any number of
/// runs, and a list of them would outgrow a table property).
/// </summary>
public sealed record LeaderboardPair(
    string Model1,
    string Model2,
    long Wins,
    long Losses,
    long Ties,
    double Weighted1,
    double Weighted2,
    IReadOnlyList<MatchupSplit> Splits,
    int Runs)
{
    public long Votes => Wins + Losses;

    public long Matchups => Splits.Sum(s => (long)s.Matchups);

    public PairCounts ToCounts() => new(Model1, Model2, Splits);

    /// <summary>The pairs of all contributions summed per model pair (splits merged); each contribution is a different run's.</summary>
    public static IReadOnlyList<LeaderboardPair> Sum(IEnumerable<LeaderboardPair> pairs) =>
        [.. pairs.GroupBy(p => (p.Model1, p.Model2))
            .Select(g => new LeaderboardPair(g.Key.Model1, g.Key.Model2, g.Sum(p => p.Wins), g.Sum(p => p.Losses), g.Sum(p => p.Ties),
                g.Sum(p => p.Weighted1), g.Sum(p => p.Weighted2),
                [.. g.SelectMany(p => p.Splits).GroupBy(s => (s.Votes1, s.Votes2))
                    .Select(s => new MatchupSplit(s.Key.Votes1, s.Key.Votes2, s.Sum(x => x.Matchups)))
                    .OrderBy(s => s.Votes1).ThenBy(s => s.Votes2)],
                g.Sum(p => p.Runs)))
            .OrderBy(p => p.Model1, StringComparer.Ordinal).ThenBy(p => p.Model2, StringComparer.Ordinal)];

    /// <summary>One run's matchups as its pairs (a matchup of a model against itself says nothing about the ranking).</summary>
    public static IReadOnlyList<LeaderboardPair> FromMatchups(IEnumerable<MatchupResult> matchups) =>
        [.. Sum(matchups.Where(m => m.Matchup.Model1 != m.Matchup.Model2).Select(m =>
        {
            var inOrder = string.CompareOrdinal(m.Matchup.Model1, m.Matchup.Model2) < 0;
            var (model1, model2) = inOrder ? (m.Matchup.Model1, m.Matchup.Model2) : (m.Matchup.Model2, m.Matchup.Model1);
            var (votes1, votes2) = inOrder ? (m.Votes1, m.Votes2) : (m.Votes2, m.Votes1);
            var (weighted1, weighted2) = inOrder ? (m.WeightedVotes1, m.WeightedVotes2) : (m.WeightedVotes2, m.WeightedVotes1);
            return new LeaderboardPair(model1, model2, votes1, votes2, m.BothVotes + m.NeitherVotes, weighted1, weighted2,
                [new MatchupSplit(votes1, votes2, 1)], Runs: 1);
        })).Select(p => p with { Runs = 1 })]; // summed over the run's matchups: still one run
}
