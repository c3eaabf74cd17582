using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>The seed post's colours: the first image's model in teal, the second's in violet.</summary>
internal static class ReportColors
{
    public const string First = "#00ecbb";
    public const string Second = "#6400f9";
    public const string SecondLabel = "#803bff";

    public static SKColor Sk(string hex) => SKColor.Parse(hex);
}
