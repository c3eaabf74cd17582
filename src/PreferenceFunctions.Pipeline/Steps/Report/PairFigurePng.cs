using System.Globalization;
using PreferenceFunctions.Pipeline.Analysis;
using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>
/// The seed post's pair figure as a PNG: the two images side by side with their model names on top, the prompt
/// below them, and a two-colour bar splitting the votes. A missing or unreadable image is drawn as a labelled box.
/// </summary>
internal static class PairFigurePng
{
    private const int Cell = 512, Gap = 8, Pad = 16, BarHeight = 36;

    public static byte[] Render(MatchupResult result, byte[]? image1, byte[]? image2)
    {
        ArgumentNullException.ThrowIfNull(result);
        var matchup = result.Matchup;
        using var promptFont = ReportFonts.Regular(20);
        using var labelFont = ReportFonts.Bold(20);
        var promptLines = ReportFonts.Wrap(matchup.Prompt, promptFont, 2 * Cell - 2 * Pad);
        int width = 2 * Cell + Gap + 2 * Pad, promptHeight = promptLines.Count * 26 + 16;
        var height = Pad + Cell + Gap + promptHeight + Gap + BarHeight + Pad;
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        DrawImage(canvas, image1, matchup.Image1, new SKRect(Pad, Pad, Pad + Cell, Pad + Cell));
        DrawImage(canvas, image2, matchup.Image2, new SKRect(Pad + Cell + Gap, Pad, Pad + 2 * Cell + Gap, Pad + Cell));
        DrawLabel(canvas, matchup.Model1, Pad + Cell / 2f, ReportColors.First, SKColors.Black, labelFont);
        DrawLabel(canvas, matchup.Model2, Pad + Cell + Gap + Cell / 2f, ReportColors.SecondLabel, SKColors.White, labelFont);

        using var ink = new SKPaint { Color = SKColor.Parse("#1d1d28"), IsAntialias = true };
        var y = Pad + Cell + Gap + 26f;
        foreach (var line in promptLines)
        {
            canvas.DrawText(line, width / 2f, y, SKTextAlign.Center, promptFont, ink);
            y += 26;
        }
        DrawVoteBar(canvas, result, new SKRect(Pad, height - Pad - BarHeight, width - Pad, height - Pad), labelFont);
        return FigurePng.Encode(surface);
    }

    private static void DrawImage(SKCanvas canvas, byte[]? bytes, string path, SKRect cell)
    {
        var overBudget = false;
        using var image = bytes is null ? null : Thumbnails.Decode(bytes, Cell, Thumbnails.DefaultPixelBudget, out overBudget);
        using var backdrop = new SKPaint { Color = SKColor.Parse("#f4f4f8") };
        canvas.DrawRect(cell, backdrop);
        if (image is null)
        {
            using var font = ReportFonts.Regular(18);
            using var muted = new SKPaint { Color = SKColor.Parse("#62627a"), IsAntialias = true };
            canvas.DrawText(bytes is null ? "image not available" : overBudget ? "too many pixels to decode" : "not a readable image", cell.MidX, cell.MidY - 6, SKTextAlign.Center, font, muted);
            canvas.DrawText(Path.GetFileName(path), cell.MidX, cell.MidY + 22, SKTextAlign.Center, font, muted);
            return;
        }
        var size = Thumbnails.Fit(image.Width, image.Height, Cell);
        var scale = Math.Min((float)Cell / size.Width, (float)Cell / size.Height);
        float w = size.Width * scale, h = size.Height * scale;
        var target = SKRect.Create(cell.MidX - w / 2, cell.MidY - h / 2, w, h);
        canvas.DrawImage(image, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    private static void DrawLabel(SKCanvas canvas, string text, float centerX, string background, SKColor color, SKFont font)
    {
        var width = font.MeasureText(text) + 20;
        using var box = new SKPaint { Color = ReportColors.Sk(background).WithAlpha(200), IsAntialias = true };
        canvas.DrawRoundRect(SKRect.Create(centerX - width / 2, Pad + 14, width, 32), 8, 8, box);
        using var ink = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, centerX, Pad + 37, SKTextAlign.Center, font, ink);
    }

    private static void DrawVoteBar(SKCanvas canvas, MatchupResult m, SKRect bar, SKFont font)
    {
        var share1 = m.TotalVotes == 0 ? 0.5f : (float)m.Votes1 / m.TotalVotes;
        var split = bar.Left + bar.Width * share1;
        using var first = new SKPaint { Color = ReportColors.Sk(ReportColors.First).WithAlpha(153) };
        using var second = new SKPaint { Color = ReportColors.Sk(ReportColors.Second).WithAlpha(153) };
        canvas.DrawRect(new SKRect(bar.Left, bar.Top, split, bar.Bottom), first);
        canvas.DrawRect(new SKRect(split, bar.Top, bar.Right, bar.Bottom), second);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var light = new SKPaint { Color = SKColors.White, IsAntialias = true };
        var baseline = bar.MidY + 7;
        if (m.Votes1 > 0) canvas.DrawText(Votes(m.Votes1, share1), bar.Left + 10, baseline, SKTextAlign.Left, font, ink);
        if (m.Votes2 > 0) canvas.DrawText(Votes(m.Votes2, 1 - share1), bar.Right - 10, baseline, SKTextAlign.Right, font, light);
    }

    private static string Votes(int votes, float share) =>
        string.Create(CultureInfo.InvariantCulture, $"{votes} {(votes == 1 ? "vote" : "votes")} ({share * 100:0}%)");
}
