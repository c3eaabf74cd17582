using System.Diagnostics;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Tests.Analysis;
using SkiaSharp;
using Xunit.Abstractions;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Report;

/// <summary>A decompression bomb in the report path: never decoded, a placeholder instead, memory stays flat.</summary>
public sealed class ImageBombTests(ITestOutputHelper output)
{
    [Fact]
    public async Task LoadAsync_20000x20000Png_PlaceholderAndPeakMemoryUnder200MB()
    {
        var bomb = PngBomb.Create();
        var small = TestImages.Png(SKColors.Red, 64, 64);
        var row = PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "flux", "sd3", 9, 3)], new AnalysisOptions(BootstrapRounds: 0)).Matchups[0];
        GC.Collect();
        PngBomb.ResetPeak();
        var peakBefore = PngBomb.PeakResidentBytes();
        var clock = Stopwatch.StartNew();

        var images = await EmbeddedImages.LoadAsync(["bomb.png", "ok.png"],
            (path, _) => Task.FromResult<byte[]?>(path == "bomb.png" ? bomb : small), new ReportOptions(), CancellationToken.None);
        var figure = PairFigurePng.Render(row, bomb, small);

        var grown = PngBomb.PeakResidentBytes() - peakBefore;
        output.WriteLine($"bomb {bomb.Length:N0} bytes; peak resident memory grew by {grown / 1048576.0:F1} MiB; {clock.ElapsedMilliseconds} ms");
        Assert.Null(images["bomb.png"].DataUri);
        Assert.Contains("too many pixels", images["bomb.png"].Problem);
        Assert.NotNull(images["ok.png"].DataUri);
        Assert.NotEmpty(figure);
        Assert.True(grown < 200L * 1024 * 1024, $"peak resident memory grew by {grown:N0} bytes");
    }
}
