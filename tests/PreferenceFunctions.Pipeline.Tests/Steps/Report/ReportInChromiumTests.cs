using Microsoft.Playwright;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Tests.Analysis;
using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Report;

/// <summary>Opens a rendered report in headless Chromium (the Debian package) the way a user would.</summary>
public sealed class ReportInChromiumTests
{
    [Fact]
    public async Task Report_OpenedInChromium_RendersWithItsImagesAndNoConsoleErrors()
    {
        MatchupOutcome[] outcomes =
        [
            .. Outcomes.Pair("flux", "sd3", 40, 20, 4),
            Outcomes.Of("missing", "flux", "sd3", 3, 2),
        ];
        var images = outcomes.SelectMany(o => new[] { o.Matchup.Image1, o.Matchup.Image2 }).Where(p => !p.Contains("missing")).Distinct()
            .Select((path, i) => (path, bytes: TestImages.Png(i % 2 == 0 ? SKColors.Teal : SKColors.Purple)))
            .ToDictionary(x => x.path, x => x.bytes);
        var analysis = PreferenceAnalyzer.Analyze(outcomes);
        var html = await ReportRenderer.RenderHtmlAsync(analysis, (path, _) => Task.FromResult(images.GetValueOrDefault(path)));
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(ChromiumOptions());
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
            page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");

            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

            var loaded = await page.EvaluateAsync<int[]>(
                "() => [document.images.length, [...document.images].filter(i => i.complete && i.naturalWidth > 0).length]");
            Assert.Equal(8, loaded[0]);
            Assert.Equal(8, loaded[1]);
            Assert.Equal(2, await page.Locator(".placeholder").CountAsync());
            Assert.Equal(5, await page.Locator("article.pair").CountAsync());
            Assert.Equal(2, await page.Locator("#leaderboard tbody tr").CountAsync());
            Assert.Equal(2, await page.Locator("svg.chart circle").CountAsync());
            var barWidths = await page.EvaluateAsync<double[]>(
                "() => { const s = document.querySelector('.bar').children; return [s[0].getBoundingClientRect().width, s[1].getBoundingClientRect().width]; }");
            Assert.Equal(2.0, barWidths[0] / barWidths[1], 1);  // 10 vs 5 votes in every flux/sd3 card
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Chromium from the system (CHROMIUM_PATH, else Debian's /usr/bin/chromium); Playwright cannot download browsers here.</summary>
    private static BrowserTypeLaunchOptions ChromiumOptions()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(path), $"Chromium not found at {path}: run .ci/install-system-packages or set CHROMIUM_PATH.");
        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        };
    }
}
