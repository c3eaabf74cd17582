namespace PreferenceFunctions.Adaptive.Bench;

/// <summary>
/// One budget's result averaged over the seeds: votes actually used, mean tau, share of seeds with the exact order,
/// rounds, and the vote correlation the fit estimated (the discount for votes that share a matchup's images).
/// </summary>
internal sealed record BenchPoint(int Budget, double Votes, double Tau, double Exact, double Rounds, double VoteCorrelation,
    IReadOnlyList<double> SeedTaus)
{
    public static BenchPoint Of(int budget, IReadOnlyList<Allocation.Outcome> runs) =>
        new(budget, runs.Average(r => r.Votes), runs.Average(r => r.Tau), runs.Count(r => r.Tau >= 1 - 1e-12) / (double)runs.Count,
            runs.Average(r => r.Rounds), runs.Average(r => r.VoteCorrelation), [.. runs.Select(r => r.Tau)]);

    /// <summary>Mean tau difference to <paramref name="other"/> on the same seeds (same crowds), and its standard error.</summary>
    public (double Difference, double StandardError) Minus(BenchPoint other)
    {
        var differences = SeedTaus.Zip(other.SeedTaus, (a, b) => a - b).ToArray();
        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / Math.Max(1, differences.Length - 1);
        return (mean, Math.Sqrt(variance / differences.Length));
    }
}
