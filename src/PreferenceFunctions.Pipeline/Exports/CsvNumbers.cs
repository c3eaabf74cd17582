namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>Numbers in the CSVs are rounded for reading: ratios and vote weights to 4 decimals, scores to 1.</summary>
internal static class CsvNumbers
{
    public static double Ratio(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    public static double Score(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
