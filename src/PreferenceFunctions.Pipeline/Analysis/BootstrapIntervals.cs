namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Percentile bootstrap over matchups: each round draws as many matchups as were counted, with replacement, folds
/// their votes straight into pair wins (so a round costs one pass over the draws plus a fit on the small pair table)
/// and refits. Round r uses its own generator seeded from (seed, r), so results do not depend on thread scheduling.
/// </summary>
internal static class BootstrapIntervals
{
    public sealed record Result(double[] Low, double[] High, int[] RegularisedRounds, int UnconvergedRounds);

    public static Result Compute(PairwiseWins wins, ComponentScores scorer, ComponentFit fullFit, AnalysisOptions options)
    {
        var draws = wins.MatchupPair.Length;
        return Run(wins, scorer, fullFit, options, (random, first, second) =>
        {
            for (var d = 0; d < draws; d++)
            {
                var m = random.Next(draws);
                first[wins.MatchupPair[m]] += wins.MatchupFirstWins[m];
                second[wins.MatchupPair[m]] += wins.MatchupSecondWins[m];
            }
        });
    }

    /// <summary>
    /// The rounds shared by every bootstrap: <paramref name="drawRound"/> fills one round's pair wins from its own
    /// seeded generator, the round is refitted, and each model's 2.5% and 97.5% quantiles become its interval.
    /// </summary>
    internal static Result Run(PairwiseWins wins, ComponentScores scorer, ComponentFit fullFit, AnalysisOptions options,
        Action<Random, double[], double[]> drawRound)
    {
        int rounds = options.BootstrapRounds, models = wins.Models.Length, components = fullFit.Regularised.Length;
        var scores = new double[models][];
        for (var i = 0; i < models; i++) scores[i] = new double[rounds];
        var regularisedRounds = new int[components];
        var unconvergedRounds = 0;
        Parallel.For(0, rounds, round =>
        {
            var random = new Random(unchecked(options.Seed * 1_000_003 + round));
            var first = new double[wins.PairCount];
            var second = new double[wins.PairCount];
            drawRound(random, first, second);
            var fit = scorer.Fit(first, second, fullFit.LogStrengths);
            for (var i = 0; i < models; i++) scores[i][round] = fit.Scores[i];
            for (var c = 0; c < components; c++)
                if (fit.Regularised[c]) Interlocked.Increment(ref regularisedRounds[c]);
            if (fit.Unconverged.Any(u => u)) Interlocked.Increment(ref unconvergedRounds);
        });
        var low = new double[models];
        var high = new double[models];
        for (var i = 0; i < models; i++)
        {
            Array.Sort(scores[i]);
            low[i] = Quantile(scores[i], 0.025);
            high[i] = Quantile(scores[i], 0.975);
        }
        return new Result(low, high, regularisedRounds, unconvergedRounds);
    }

    /// <summary>Linear interpolation between order statistics (R's type 7) of sorted values.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
