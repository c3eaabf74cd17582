namespace PreferenceFunctions.Emulator;

/// <summary>How the simulated crowd behaves: speed, hidden strengths, annotators.</summary>
public sealed class CrowdOptions
{
    /// <summary>Votes collected per second per processing order (60: 40 pairs x 15 votes take about 10 s); 0 or less means instant.</summary>
    public double VotesPerSecond { get; set; } = 60;

    /// <summary>Seed of every random draw (strength noise, annotators, votes): same seed, same votes.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Hidden strength per model, matched against an uploaded file's original name by folder or file-name prefix.</summary>
    public Dictionary<string, double> ModelStrengths { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Strength of an asset whose name matches no model.</summary>
    public double DefaultStrength { get; set; } = 1.0;

    /// <summary>Standard deviation of the per-image log-strength noise (0 = every image of a model is equally strong).</summary>
    public double ImageNoise { get; set; } = 0.25;

    /// <summary>Share of annotators who vote at random and carry a low user score.</summary>
    public double LowScoreVoterShare { get; set; } = 0.1;

    /// <summary>Share of votes that are Both/Neither when the order sets the compare_unsure rapid feature flag.</summary>
    public double UnsureShare { get; set; } = 0.1;

    /// <summary>Number of distinct simulated annotators.</summary>
    public int AnnotatorCount { get; set; } = 2_000;

    /// <summary>How long a submitted order waits for its (automatic) review before it starts processing.</summary>
    public TimeSpan ReviewDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
