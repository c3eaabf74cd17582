namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>The names of <see cref="AnalysisExports"/> on the command line: <c>hf</c>, <c>dpo</c>.</summary>
public static class AnalysisExportNames
{
    private static readonly Dictionary<string, AnalysisExports> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hf"] = AnalysisExports.HuggingFace,
        ["dpo"] = AnalysisExports.Dpo,
    };

    public static IEnumerable<string> All => Names.Keys;

    /// <summary>Parses comma-separated names (<c>hf,dpo</c>); false with the first unknown name otherwise.</summary>
    public static bool TryParse(IEnumerable<string> values, out AnalysisExports exports, out string? unknown)
    {
        exports = AnalysisExports.None;
        unknown = null;
        foreach (var name in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Names.TryGetValue(name, out var export))
            {
                unknown = name;
                return false;
            }
            exports |= export;
        }
        return true;
    }
}
