using System.Globalization;
using PreferenceFunctions.Pipeline.Analysis;
using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>The leaderboard chart as a PNG for notebooks and slides: scores as dots, 95% intervals as bars.</summary>
internal static class LeaderboardPng
{
    private const int Width = 1200, LabelWidth = 320, RightPad = 50, RowHeight = 44, Top = 80, Bottom = 80;

    public static byte[] Render(IReadOnlyList<ModelScore> models, string title = "Leaderboard")
    {
        ArgumentNullException.ThrowIfNull(models);
        var axis = ScoreAxis.For(models);
        var height = Top + Math.Max(1, models.Count) * RowHeight + Bottom;
        var plotWidth = Width - LabelWidth - RightPad;
        float X(double score) => (float)(LabelWidth + axis.Fraction(score) * plotWidth);

        using var surface = SKSurface.Create(new SKImageInfo(Width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColor.Parse("#1d1d28"), IsAntialias = true };
        using var muted = new SKPaint { Color = SKColor.Parse("#62627a"), IsAntialias = true };
        using var grid = new SKPaint { Color = SKColor.Parse("#e4e4ee"), StrokeWidth = 1 };
        using var interval = new SKPaint { Color = ReportColors.Sk(ReportColors.Second).WithAlpha(140), StrokeWidth = 6, StrokeCap = SKStrokeCap.Round, IsAntialias = true };
        using var dot = new SKPaint { Color = ReportColors.Sk(ReportColors.Second), IsAntialias = true };
        using var titleFont = ReportFonts.Bold(30);
        using var labelFont = ReportFonts.Regular(22);
        using var tickFont = ReportFonts.Regular(18);

        canvas.DrawText(title, 30, 48, titleFont, ink);
        var plotBottom = Top + models.Count * RowHeight;
        foreach (var tick in axis.Ticks)
        {
            canvas.DrawLine(X(tick), Top - 10, X(tick), plotBottom + 6, grid);
            canvas.DrawText(tick.ToString("0.#", CultureInfo.InvariantCulture), X(tick), plotBottom + 32, SKTextAlign.Center, tickFont, muted);
        }
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var y = Top + i * RowHeight + RowHeight / 2f;
            canvas.DrawText($"{m.Rank}. {m.Model}", LabelWidth - 16, y + 8, SKTextAlign.Right, labelFont, ink);
            canvas.DrawLine(X(m.ScoreLow), y, X(m.ScoreHigh), y, interval);
            canvas.DrawCircle(X(m.Score), y, 8, dot);
        }
        canvas.DrawText("score (Bradley–Terry, Elo-like scale) with 95% bootstrap interval",
            LabelWidth + plotWidth / 2f, height - 20, SKTextAlign.Center, tickFont, muted);
        return FigurePng.Encode(surface);
    }
}
