using System.Globalization;
using SkiaSharp;

namespace PreferenceFunctions.Adaptive.Bench;

/// <summary>Votes vs mean Kendall tau, both allocations, with uniform-15's tau and the ceiling (no voter noise) as dashed lines.</summary>
internal static class BenchChart
{
    private const int Width = 1200, Height = 720, Left = 110, Right = 40, Top = 90, Bottom = 100;

    public static byte[] Render(IReadOnlyList<BenchPoint> uniform, IReadOnlyList<BenchPoint> adaptive, double uniform15,
        double ceiling, string adaptiveName)
    {
        var all = uniform.Concat(adaptive).ToList();
        double xMin = 0, xMax = all.Max(p => p.Votes) * 1.05;
        double yMin = Math.Floor(all.Min(p => p.Tau) * 50) / 50, yMax = 1;
        float X(double votes) => (float)(Left + (votes - xMin) / (xMax - xMin) * (Width - Left - Right));
        float Y(double tau) => (float)(Top + (yMax - tau) / (yMax - yMin) * (Height - Top - Bottom));

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var sans = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
        using var title = new SKFont(sans, 28);
        using var label = new SKFont(sans, 20);
        using var ink = new SKPaint { Color = SKColor.Parse("#1d1d28"), IsAntialias = true };
        using var grid = new SKPaint { Color = SKColor.Parse("#e4e4ee"), StrokeWidth = 1 };
        canvas.DrawText("Kendall tau vs total votes (10 models, 2,000 matchups)", Left, 50, title, ink);
        for (var tick = yMin; tick <= yMax + 1e-9; tick += 0.01)
        {
            canvas.DrawLine(Left, Y(tick), Width - Right, Y(tick), grid);
            canvas.DrawText(tick.ToString("0.00", CultureInfo.InvariantCulture), Left - 12, Y(tick) + 7, SKTextAlign.Right, label, ink);
        }
        for (var tick = 0; tick <= xMax; tick += 5_000)
        {
            canvas.DrawLine(X(tick), Top, X(tick), Height - Bottom, grid);
            canvas.DrawText(FormattableString.Invariant($"{tick / 1000}k"), X(tick), Height - Bottom + 30, SKTextAlign.Center, label, ink);
        }
        canvas.DrawText("total votes", (Left + Width - Right) / 2f, Height - 30, SKTextAlign.Center, label, ink);
        using var dashed = new SKPaint
        {
            Color = SKColor.Parse("#62627a"), StrokeWidth = 2, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([10, 8], 0),
        };
        canvas.DrawLine(Left, Y(uniform15), Width - Right, Y(uniform15), dashed);
        canvas.DrawText("uniform-15", Left + 6, Y(uniform15) - 8, SKTextAlign.Left, label, ink);
        canvas.DrawLine(Left, Y(ceiling), Width - Right, Y(ceiling), dashed);
        canvas.DrawText("ceiling: every matchup, no voter noise", Left + 6, Y(ceiling) - 8, SKTextAlign.Left, label, ink);
        Line(canvas, uniform, SKColor.Parse("#d95f02"), "uniform", 0, X, Y, label);
        Line(canvas, adaptive, SKColor.Parse("#1b9e77"), adaptiveName, 1, X, Y, label);
        using var png = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Line(SKCanvas canvas, IReadOnlyList<BenchPoint> points, SKColor color, string name, int legendRow,
        Func<double, float> x, Func<double, float> y, SKFont font)
    {
        using var stroke = new SKPaint { Color = color, StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        for (var i = 1; i < points.Count; i++)
            canvas.DrawLine(x(points[i - 1].Votes), y(points[i - 1].Tau), x(points[i].Votes), y(points[i].Tau), stroke);
        foreach (var p in points) canvas.DrawCircle(x(p.Votes), y(p.Tau), 7, fill);
        var legendY = Height - Bottom - 52 + legendRow * 32; // bottom right: below the curves
        canvas.DrawCircle(Width - Right - 260, legendY - 7, 7, fill);
        canvas.DrawText(name, Width - Right - 242, legendY, font, fill);
    }
}
