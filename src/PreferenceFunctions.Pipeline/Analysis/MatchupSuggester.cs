namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Which matchups would most reduce a ranking's uncertainty. The Bradley–Terry fit's information matrix (votes per pair
/// times p(1 - p)) is inverted to the variances of score differences; the aim is the variance of each pair of models
/// adjacent in the ranking, weighted by how uncertain their order is now (2 Φ(-|d| / sd): 1 for a tie, near 0 for a
/// clear gap). Matchups go greedily, a batch at a time, to the pair whose votes lower that sum the most (a rank-one update
/// of the inverse per batch). Models in separate components have near-infinite variance between them, so linking them
/// comes first. Pure and deterministic.
/// </summary>
public static class MatchupSuggester
{
    /// <summary>Keeps the information matrix invertible (a vague prior on every strength); negligible next to one vote.</summary>
    private const double Ridge = 1e-6;

    /// <summary>At most this many greedy batches, so the cost does not grow with the vote budget.</summary>
    private const int MaxBatches = 64;

    private static readonly double NaturalLogPerPoint = Math.Log(10) / AnalysisOptions.PointsPerDecade;

    /// <param name="models">The current standings, in rank order (as a leaderboard lists them).</param>
    /// <param name="votesPerPair">Votes so far per pair (either order of the models).</param>
    public static IReadOnlyList<SuggestedPair> Suggest(IReadOnlyList<PairCountScore> models,
        IReadOnlyDictionary<(string, string), long> votesPerPair, long votes, int votesPerMatchup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(votesPerMatchup, 1);
        var m = models.Count;
        var matchups = (int)Math.Min(int.MaxValue, votes / votesPerMatchup);
        if (m < 2 || matchups < 1) return [];
        var strength = models.Select(s => s.Score * NaturalLogPerPoint).ToArray();
        var information = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            information[i, i] = Ridge;
            for (var j = i + 1; j < m; j++)
            {
                var n = votesPerPair.GetValueOrDefault((models[i].Model, models[j].Model)) + votesPerPair.GetValueOrDefault((models[j].Model, models[i].Model));
                var w = n * PerVote(strength[i], strength[j]);
                information[i, i] += w;
                information[j, j] += w;
                information[i, j] -= w;
                information[j, i] -= w;
            }
        }
        var covariance = SmallMatrix.Invert(information);
        var weights = Enumerable.Range(0, m - 1).Select(a =>
        {
            var sd = Math.Sqrt(Math.Max(Variance(covariance, a, a + 1), 1e-12));
            return 2 * NormalCdf(-Math.Abs(strength[a] - strength[a + 1]) / sd);
        }).ToArray();

        var given = new int[m, m];
        var batch = Math.Max(1, (matchups + MaxBatches - 1) / MaxBatches);
        for (var left = matchups; left > 0; left -= batch)
        {
            var size = Math.Min(batch, left);
            var (bestI, bestJ, bestGain, bestW) = (0, 1, double.NegativeInfinity, 0.0);
            for (var i = 0; i < m; i++)
                for (var j = i + 1; j < m; j++)
                {
                    var w = size * votesPerMatchup * PerVote(strength[i], strength[j]);
                    var gain = Gain(covariance, weights, i, j, w);
                    if (gain > bestGain) (bestI, bestJ, bestGain, bestW) = (i, j, gain, w);
                }
            given[bestI, bestJ] += size;
            Update(covariance, bestI, bestJ, bestW);
        }

        var suggested = new List<SuggestedPair>();
        for (var i = 0; i < m; i++)
            for (var j = i + 1; j < m; j++)
                if (given[i, j] > 0)
                {
                    var (first, second) = string.CompareOrdinal(models[i].Model, models[j].Model) < 0 ? (i, j) : (j, i);
                    suggested.Add(new SuggestedPair(models[first].Model, models[second].Model, given[i, j], (long)given[i, j] * votesPerMatchup));
                }
        return [.. suggested.OrderByDescending(s => s.Matchups).ThenBy(s => s.Model1, StringComparer.Ordinal).ThenBy(s => s.Model2, StringComparer.Ordinal)];
    }

    /// <summary>Information one vote between strengths a and b carries: p(1 - p).</summary>
    private static double PerVote(double a, double b)
    {
        var p = 1 / (1 + Math.Exp(b - a));
        return p * (1 - p);
    }

    /// <summary>How much adding information w to pair (i, j) lowers the weighted variances of the adjacent pairs.</summary>
    private static double Gain(double[,] covariance, double[] weights, int i, int j, double w)
    {
        var m = weights.Length + 1;
        var uu = Variance(covariance, i, j);
        var scale = w / (1 + w * uu);
        double gain = 0;
        for (var a = 0; a < m - 1; a++)
        {
            var projection = covariance[a, i] - covariance[a, j] - covariance[a + 1, i] + covariance[a + 1, j];
            gain += weights[a] * scale * projection * projection;
        }
        return gain;
    }

    /// <summary>Sherman–Morrison: the covariance after adding information w along e_i - e_j.</summary>
    private static void Update(double[,] covariance, int i, int j, double w)
    {
        var m = covariance.GetLength(0);
        var column = new double[m];
        for (var a = 0; a < m; a++) column[a] = covariance[a, i] - covariance[a, j];
        var scale = w / (1 + w * Variance(covariance, i, j));
        for (var a = 0; a < m; a++)
            for (var b = 0; b < m; b++) covariance[a, b] -= scale * column[a] * column[b];
    }

    private static double Variance(double[,] c, int a, int b) => c[a, a] + c[b, b] - 2 * c[a, b];

    /// <summary>Standard normal CDF through erfc (Abramowitz and Stegun 7.1.26, error under 1.5e-7).</summary>
    private static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * z);
        var erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.Exp(-z * z);
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
