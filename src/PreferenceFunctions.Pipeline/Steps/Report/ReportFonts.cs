using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>A sans-serif typeface for the PNGs (DejaVu Sans where fontconfig has it, else Skia's default).</summary>
internal static class ReportFonts
{
    private static readonly Lazy<SKTypeface> Sans = new(() => SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default);

    public static SKFont Regular(float size) => new(Sans.Value, size);

    public static SKFont Bold(float size) => new(SKTypeface.FromFamilyName(Sans.Value.FamilyName, SKFontStyle.Bold) ?? Sans.Value, size);

    /// <summary>Greedy word wrap to the width.</summary>
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }
}
