namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Bradley–Terry scores with bootstrap intervals from pair counts alone (leaderboards): the same fit, components and
/// scale as <see cref="PreferenceAnalyzer"/>, so the scores equal those of one analysis of all the matchups behind the
/// counts. Its cost depends on the number of models and splits, not on the number of votes. Pure and deterministic.
/// </summary>
public static class PairCountAnalyzer
{
    public static IReadOnlyList<PairCountScore> Analyze(IReadOnlyList<PairCounts> pairs, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= AnalysisOptions.Default;
        var counted = Normalise(pairs);
        var models = counted.SelectMany(p => new[] { p.Model1, p.Model2 }).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();
        var index = models.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var plainWins = Folded(models, index, counted, _ => 1);
        var components = ComparisonComponents.Find(plainWins);
        var scorer = new ComponentScores(plainWins, components, options);
        var firstFit = scorer.Fit(plainWins.FirstWins, plainWins.SecondWins);
        // The same discount for votes that share a matchup's images as the matchup analysis (the splits are its matchups).
        var rho = MatchupVoteCorrelation.Estimate(counted.SelectMany(p => p.Splits.Select(s => (
            MatchupVoteCorrelation.Chance(firstFit.Scores[index[p.Model1]], firstFit.Scores[index[p.Model2]]),
            (double)s.Votes1, (double)s.Votes2, (double)s.Matchups))));
        var discounted = MatchupVoteCorrelation.Changes(rho, counted.SelectMany(p => p.Splits
            .Where(s => s.Matchups > 0 && s.Votes1 + s.Votes2 > 0).Select(s => (double)s.Votes1 + s.Votes2)));
        Func<double, double> weight = n => discounted ? MatchupVoteCorrelation.VoteWeight(n, rho) : 1;
        var wins = discounted ? Folded(models, index, counted, weight) : plainWins;
        var fit = discounted ? scorer.Fit(wins.FirstWins, wins.SecondWins, firstFit.LogStrengths) : firstFit;
        var bootstrap = options.BootstrapRounds > 0
            ? SplitBootstrap.Compute(wins, counted, weight, scorer, fit, options)
            : new BootstrapIntervals.Result(fit.Scores, fit.Scores, new int[components.Count], 0);

        var votes = new long[models.Length];
        var won = new long[models.Length];
        foreach (var p in counted)
        {
            int a = index[p.Model1], b = index[p.Model2];
            votes[a] += p.Wins1 + p.Wins2;
            votes[b] += p.Wins1 + p.Wins2;
            won[a] += p.Wins1;
            won[b] += p.Wins2;
        }
        return [.. Enumerable.Range(0, models.Length)
            .Select(i =>
            {
                var component = components.ComponentOf[i];
                var rank = 1 + components.Models[component - 1].Count(j => bootstrap.Low[j] > bootstrap.High[i]);
                return new PairCountScore(models[i], fit.Scores[i], bootstrap.Low[i], bootstrap.High[i], rank, component, votes[i], won[i]);
            })
            .OrderBy(s => s.Component).ThenBy(s => s.Rank).ThenByDescending(s => s.Score).ThenBy(s => s.Model, StringComparer.Ordinal)];
    }

    /// <summary>Each pair's wins summed over its splits, every vote of a split with n votes counted weight(n) times.</summary>
    private static PairwiseWins Folded(string[] models, Dictionary<string, int> index, List<PairCounts> counted, Func<double, double> weight) =>
        PairwiseWins.FromPairs(models, [.. counted.Select(p => (index[p.Model1], index[p.Model2],
            p.Splits.Sum(s => weight(s.Votes1 + s.Votes2) * s.Votes1 * s.Matchups),
            p.Splits.Sum(s => weight(s.Votes1 + s.Votes2) * s.Votes2 * s.Matchups)))]);

    /// <summary>Each pair once, its models in ordinal order (splits swapped to match); self-pairs and pairs without votes dropped.</summary>
    private static List<PairCounts> Normalise(IReadOnlyList<PairCounts> pairs) =>
        [.. pairs.Where(p => p.Model1 != p.Model2)
            .Select(p => string.CompareOrdinal(p.Model1, p.Model2) < 0 ? p
                : new PairCounts(p.Model2, p.Model1, [.. p.Splits.Select(s => new MatchupSplit(s.Votes2, s.Votes1, s.Matchups))]))
            .GroupBy(p => (p.Model1, p.Model2))
            .Select(g => new PairCounts(g.Key.Model1, g.Key.Model2, [.. g.SelectMany(p => p.Splits)]))
            .Where(p => p.Wins1 + p.Wins2 > 0)
            .OrderBy(p => p.Model1, StringComparer.Ordinal).ThenBy(p => p.Model2, StringComparer.Ordinal)];
}
