using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Tests.Analysis;
using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Report;

public sealed class PngRenderingTests
{
    [Fact]
    public void PairFigure_TwoImages_SideBySideWithTheTwoColourVoteBar()
    {
        var row = PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "flux", "sd3", 9, 3)], new AnalysisOptions(BootstrapRounds: 0)).Matchups[0];

        var png = PairFigurePng.Render(row, TestImages.Png(SKColors.Red), TestImages.Png(SKColors.Blue, 300, 600));

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(2 * 512 + 8 + 32, bitmap.Width);
        Assert.Equal(SKColors.Red, bitmap.GetPixel(16 + 400, 16 + 400));
        Assert.Equal(SKColors.Blue, bitmap.GetPixel(16 + 512 + 8 + 256, 16 + 400));
        var barY = bitmap.Height - 16 - 6;
        AssertClose(Blend(ReportColorsFirst, 153), bitmap.GetPixel(bitmap.Width / 2, barY));        // 75% teal reaches past the middle
        AssertClose(Blend(ReportColorsSecond, 153), bitmap.GetPixel(bitmap.Width - 20, barY));
    }

    [Fact]
    public void PairFigure_MissingImage_StillRenders()
    {
        var row = PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "flux", "sd3", 0, 0)], new AnalysisOptions(BootstrapRounds: 0)).Matchups[0];

        var png = PairFigurePng.Render(row, null, "garbage"u8.ToArray());

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(SKColor.Parse("#f4f4f8"), bitmap.GetPixel(16 + 20, 16 + 20));
    }

    [Fact]
    public void Leaderboard_ThreeModels_DrawsADotPerModelInScoreOrder()
    {
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 40, 10), .. Outcomes.Pair("b", "c", 40, 10), .. Outcomes.Pair("a", "c", 45, 5)];
        var models = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: 50)).Models;

        var png = LeaderboardPng.Render(models);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1200, bitmap.Width);
        var axis = ScoreAxis.For(models);
        for (var i = 0; i < models.Count; i++)
        {
            var x = (int)(320 + axis.Fraction(models[i].Score) * (1200 - 320 - 50));
            AssertClose(ReportColorsSecond, bitmap.GetPixel(x, 80 + i * 44 + 22));
        }
    }

    private static readonly SKColor ReportColorsFirst = SKColor.Parse("#00ecbb");
    private static readonly SKColor ReportColorsSecond = SKColor.Parse("#6400f9");

    private static SKColor Blend(SKColor color, byte alpha)
    {
        byte Mix(byte c) => (byte)Math.Round((c * alpha + 255 * (255 - alpha)) / 255.0);
        return new SKColor(Mix(color.Red), Mix(color.Green), Mix(color.Blue));
    }

    private static void AssertClose(SKColor expected, SKColor actual)
    {
        Assert.True(Math.Abs(expected.Red - actual.Red) <= 3 && Math.Abs(expected.Green - actual.Green) <= 3 && Math.Abs(expected.Blue - actual.Blue) <= 3,
            $"expected {expected}, got {actual}");
    }
}
