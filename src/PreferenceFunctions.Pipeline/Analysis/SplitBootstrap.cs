namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Bootstrap over matchups when only each pair's splits are known: the Poisson bootstrap, where every matchup is
/// drawn Poisson(1) times instead of drawing N matchups with replacement (the two agree closely for more than a few
/// dozen matchups). A split of c matchups then contributes Poisson(c) copies, so a round costs one draw per split
/// and a fit on the pair table, however many votes there are. Rounds are seeded like <see cref="BootstrapIntervals"/>.
/// </summary>
internal static class SplitBootstrap
{
    /// <summary>Above this mean, Poisson draws use the normal approximation (error well under a matchup).</summary>
    private const double NormalFrom = 30;

    /// <param name="weight">What each vote of a split with n votes counts for in the fit (<see cref="MatchupVoteCorrelation"/>).</param>
    public static BootstrapIntervals.Result Compute(PairwiseWins wins, IReadOnlyList<PairCounts> pairs, Func<double, double> weight,
        ComponentScores scorer, ComponentFit fullFit, AnalysisOptions options)
    {
        var splits = pairs.SelectMany((p, k) => p.Splits.Where(s => s.Matchups > 0)
            .Select(s => (Pair: k, Split: s, Weight: weight(s.Votes1 + s.Votes2)))).ToArray();
        return BootstrapIntervals.Run(wins, scorer, fullFit, options, (random, first, second) =>
        {
            foreach (var (pair, split, w) in splits)
            {
                var drawn = Poisson(random, split.Matchups);
                first[pair] += drawn * w * split.Votes1;
                second[pair] += drawn * w * split.Votes2;
            }
        });
    }

    /// <summary>A Poisson(mean) draw: Knuth's product method for small means, the rounded normal approximation above.</summary>
    internal static long Poisson(Random random, double mean)
    {
        if (mean >= NormalFrom)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Max(0, (long)Math.Round(mean + Math.Sqrt(mean) * z));
        }
        var limit = Math.Exp(-mean);
        var count = 0L;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble()) count++;
        return count;
    }
}
