namespace PreferenceFunctions.Adaptive.Bench;

/// <summary>One budget's result averaged over the seeds: votes actually used, mean tau, share of seeds with the exact order.</summary>
internal sealed record BenchPoint(int Budget, double Votes, double Tau, double Exact, double Rounds)
{
    public static BenchPoint Of(int budget, IReadOnlyList<Allocation.Outcome> runs) =>
        new(budget, runs.Average(r => r.Votes), runs.Average(r => r.Tau), runs.Count(r => r.Tau >= 1 - 1e-12) / (double)runs.Count,
            runs.Average(r => r.Rounds));
}
