using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>
/// An independent reference: Bradley–Terry as a logistic regression without intercept, one row per vote direction
/// with features x = e_winner - e_loser (model 0's coefficient fixed at 0), fitted by Newton–Raphson. Each matchup's
/// rows are weighted by <c>matchupWeight</c> of its vote count (the analysis's discount for votes sharing images).
/// </summary>
internal static class LogisticRegression
{
    public static double[] FitPairwise(IReadOnlyList<MatchupOutcome> outcomes, string[] models, bool weighted,
        Func<double, double>? matchupWeight = null)
    {
        var rows = new List<(int A, int B, double Weight)>();  // "A beat B" with this many (weighted) votes
        foreach (var o in outcomes)
        {
            int a = Array.IndexOf(models, o.Matchup.Model1), b = Array.IndexOf(models, o.Matchup.Model2);
            double first = weighted ? o.WeightedVotes1 : o.Votes1, second = weighted ? o.WeightedVotes2 : o.Votes2;
            var w = matchupWeight?.Invoke(first + second) ?? 1;
            rows.Add((a, b, w * first));
            rows.Add((b, a, w * second));
        }
        int k = models.Length - 1;
        var beta = new double[models.Length];
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var gradient = new double[k];
            var hessian = new double[k, k];
            foreach (var (a, b, weight) in rows)
            {
                var p = 1 / (1 + Math.Exp(-(beta[a] - beta[b])));  // P(a beats b); the observed outcome is 1
                var x = new double[k];
                if (a > 0) x[a - 1] += 1;
                if (b > 0) x[b - 1] -= 1;
                for (var i = 0; i < k; i++)
                {
                    gradient[i] += weight * (1 - p) * x[i];
                    for (var j = 0; j < k; j++) hessian[i, j] += weight * p * (1 - p) * x[i] * x[j];
                }
            }
            var step = Solve(hessian, gradient);
            for (var i = 0; i < k; i++) beta[i + 1] += step[i];
            if (step.Max(Math.Abs) < 1e-14) break;
        }
        return beta;
    }

    /// <summary>Gaussian elimination with partial pivoting.</summary>
    private static double[] Solve(double[,] matrix, double[] rhs)
    {
        int n = rhs.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])rhs.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var c = 0; c < n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var c = col; c < n; c++) a[r, c] -= factor * a[col, c];
                b[r] -= factor * b[col];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var c = r + 1; c < n; c++) sum -= a[r, c] * x[c];
            x[r] = sum / a[r, r];
        }
        return x;
    }
}
