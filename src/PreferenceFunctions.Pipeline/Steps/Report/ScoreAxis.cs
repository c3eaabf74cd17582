using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>The score range of a leaderboard chart with round tick values, shared by the SVG and the PNG.</summary>
internal sealed record ScoreAxis(double Min, double Max, IReadOnlyList<double> Ticks)
{
    public static ScoreAxis For(IReadOnlyList<ModelScore> models)
    {
        double low = models.Count == 0 ? 950 : models.Min(m => m.ScoreLow), high = models.Count == 0 ? 1050 : models.Max(m => m.ScoreHigh);
        if (high - low < 20) (low, high) = ((low + high) / 2 - 10, (low + high) / 2 + 10);
        var step = NiceStep((high - low) / 5);
        double min = Math.Floor(low / step) * step, max = Math.Ceiling(high / step) * step;
        var ticks = new List<double>();
        for (var t = min; t <= max + step / 2; t += step) ticks.Add(Math.Round(t, 6));
        return new ScoreAxis(min, max, ticks);
    }

    /// <summary>Position of a score between 0 (Min) and 1 (Max).</summary>
    public double Fraction(double score) => (score - Min) / (Max - Min);

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normalized = rough / magnitude;
        return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
    }
}
