using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>
/// Orders matchups by how much <c>votes</c> more of them lower the expected number of model pairs the ranking has the
/// wrong way round. The fit's information about the scores is the sum over matchups of n_eff p (1 - p) (e_a - e_b)
/// (e_a - e_b)^T, where n_eff discounts a matchup's votes for the images they share (<see cref="MatchupVoteCorrelation"/>):
/// beyond a few dozen votes a matchup adds little. The score gap of models i and j then has variance v_ij from the
/// inverse of that matrix, and the pair is swapped with probability Phi(-z), z = |gap| / sqrt(v_ij). A top-up of matchup
/// m (models a, b) adds dI = p (1 - p) (n_eff(n + votes) - n_eff(n)) and lowers v_ij by about dI (c_ij' S d_ab)^2, so
/// it is worth dI times sum_ij w_ij (c_ij' S d_ab)^2 with w_ij = phi(z) max(z, 1) / (2 v_ij): close pairs count, and
/// so do the matchups that inform them indirectly (a-c and c-b for a close pair a-b). Picks are greedy: after each
/// pick the covariance is updated (Sherman–Morrison), so the next pick sees what the earlier ones already bought.
/// </summary>
internal static class SwapRiskAllocator
{
    public static IReadOnlyList<string> Pick(PreferenceAnalysis analysis, IReadOnlyList<MatchupResult> candidates, int votes, int count)
    {
        var index = analysis.Models.Select((m, i) => (m.Model, i)).ToDictionary(x => x.Model, x => x.i, StringComparer.Ordinal);
        var theta = analysis.Models.Select(m => m.Score * MatchupVoteCorrelation.NaturalLogPerPoint).ToArray();
        var rho = analysis.VoteCorrelation;
        var models = theta.Length;
        double Chance(int a, int b) => 1 / (1 + Math.Exp(theta[b] - theta[a]));
        double Gain(int a, int b, int n)
        {
            var p = Chance(a, b);
            return p * (1 - p) * (MatchupVoteCorrelation.EffectiveVotes(n + votes, rho) - MatchupVoteCorrelation.EffectiveVotes(n, rho));
        }

        // Information matrix plus an all-ones block per component: invertible, with the pseudo-inverse's contrasts within
        // each component (the only pairs whose order the scores claim).
        var component = analysis.Models.Select(m => m.Component).ToArray();
        var information = new double[models, models];
        for (var i = 0; i < models; i++)
            for (var j = 0; j < models; j++) information[i, j] = component[i] == component[j] ? 1 : 0;
        foreach (var m in analysis.Matchups)
            if (index.TryGetValue(m.Matchup.Model1, out var a) && index.TryGetValue(m.Matchup.Model2, out var b) && a != b)
            {
                var p = Chance(a, b);
                AddContrast(information, a, b, p * (1 - p) * MatchupVoteCorrelation.EffectiveVotes(m.TotalVotes, rho));
            }
        var covariance = SmallMatrix.Invert(information);

        // Per model pair, its candidates with the fewest votes first (a matchup is worth most while it has few).
        var queues = candidates
            .Where(m => index.ContainsKey(m.Matchup.Model1) && index.ContainsKey(m.Matchup.Model2) && m.Matchup.Model1 != m.Matchup.Model2)
            .GroupBy(m => Ordered(index[m.Matchup.Model1], index[m.Matchup.Model2]))
            .OrderBy(g => g.Key)
            .Select(g => (Pair: g.Key, Queue: new Queue<MatchupResult>(g.OrderBy(m => m.TotalVotes).ThenBy(m => m.Matchup.Id, StringComparer.Ordinal))))
            .ToList();
        var picked = new List<string>(count);
        while (picked.Count < count)
        {
            var sensitivity = Sensitivity(covariance, theta, component);
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var q = 0; q < queues.Count; q++)
            {
                if (queues[q].Queue.Count == 0) continue;
                var (a, b) = queues[q].Pair;
                var value = Gain(a, b, queues[q].Queue.Peek().TotalVotes) * (sensitivity[a, a] + sensitivity[b, b] - 2 * sensitivity[a, b]);
                if (value > bestValue) (best, bestValue) = (q, value);
            }
            if (best < 0) break;
            var (first, second) = queues[best].Pair;
            var matchup = queues[best].Queue.Dequeue();
            picked.Add(matchup.Matchup.Id);
            Update(covariance, first, second, Gain(first, second, matchup.TotalVotes));
        }
        return picked;
    }

    private static (int, int) Ordered(int a, int b) => a < b ? (a, b) : (b, a);

    /// <summary>S W S, W the Laplacian of the pair weights w_ij: d' (S W S) d = sum_ij w_ij (c_ij' S d)^2.</summary>
    private static double[,] Sensitivity(double[,] covariance, double[] theta, int[] component)
    {
        var n = theta.Length;
        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                if (component[i] != component[j]) continue;
                var variance = Math.Max(covariance[i, i] + covariance[j, j] - 2 * covariance[i, j], 1e-12);
                var z = Math.Abs(theta[i] - theta[j]) / Math.Sqrt(variance);
                var density = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
                AddContrast(weights, i, j, density * Math.Max(z, 1) / (2 * variance));
            }
        return Multiply(Multiply(covariance, weights), covariance);
    }

    private static void AddContrast(double[,] matrix, int a, int b, double amount)
    {
        matrix[a, a] += amount;
        matrix[b, b] += amount;
        matrix[a, b] -= amount;
        matrix[b, a] -= amount;
    }

    /// <summary>Sherman–Morrison: the covariance after adding <paramref name="gain"/> information on the contrast a - b.</summary>
    private static void Update(double[,] covariance, int a, int b, double gain)
    {
        var n = covariance.GetLength(0);
        var u = new double[n];
        for (var i = 0; i < n; i++) u[i] = covariance[i, a] - covariance[i, b];
        var factor = gain / (1 + gain * (u[a] - u[b]));
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) covariance[i, j] -= factor * u[i] * u[j];
    }

    private static double[,] Multiply(double[,] left, double[,] right)
    {
        var n = left.GetLength(0);
        var product = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                var l = left[i, k];
                if (l == 0) continue;
                for (var j = 0; j < n; j++) product[i, j] += l * right[k, j];
            }
        return product;
    }
}
