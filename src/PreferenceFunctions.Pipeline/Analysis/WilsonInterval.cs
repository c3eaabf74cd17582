namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>The Wilson score interval for a binomial share: honest near 0 and 1, unlike the normal approximation.</summary>
internal static class WilsonInterval
{
    /// <summary>The two-sided 95% normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Interval for the share <paramref name="successes"/>/<paramref name="trials"/>; (0, 1) without trials.</summary>
    public static (double Low, double High) For(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0) return (0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var center = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
