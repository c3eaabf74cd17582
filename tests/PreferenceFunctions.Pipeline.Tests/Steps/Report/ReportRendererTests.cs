using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Tests.Analysis;
using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Report;

public sealed class ReportRendererTests
{
    private static readonly byte[] Red = TestImages.Png(SKColors.Red);

    private static Func<string, CancellationToken, Task<byte[]?>> LoaderFor(params string[] existing) =>
        (path, _) => Task.FromResult(existing.Contains(path) ? Red : null);

    [Fact]
    public async Task RenderHtmlAsync_MoreMatchupsThanTheCap_ShowsTheMostOneSidedAndStatesTheCap()
    {
        MatchupOutcome[] outcomes = [.. Enumerable.Range(1, 5).Select(i => Outcomes.Of($"m{i}", "flux", "sd3", i, 10 - i))];
        var analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: 10));

        var html = await ReportRenderer.RenderHtmlAsync(analysis, LoaderFor(), new ReportOptions(MaxMatchups: 2));

        Assert.Equal(2, CountOf(html, "<article class=\"pair\""));
        Assert.Contains("Showing the 2 most one-sided of 5 matchups", html);
        Assert.Contains("id=\"m-m1\"", html);  // 1 vs 9 is the most one-sided
        Assert.DoesNotContain("id=\"m-m5\"", html);
    }

    [Fact]
    public async Task RenderHtmlAsync_WithBreakdown_ShowsWinRatesAndHidesSmallCells()
    {
        var analysis = PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "flux", "sd3", 3, 1)], new AnalysisOptions(BootstrapRounds: 0));
        var builder = new VoteBreakdownBuilder();
        VoteRow Vote(string model, string country) => new("r", "m1", "p", "flux", "sd3", "a.png", "b.png", model == "flux" ? "a.png" : "b.png",
            model, country, "en", "18-29", null, null, new Dictionary<string, double>());
        foreach (var _ in Enumerable.Range(0, 30)) builder.Add(Vote("flux", "DE"));
        foreach (var _ in Enumerable.Range(0, 10)) builder.Add(Vote("sd3", "DE"));
        foreach (var _ in Enumerable.Range(0, 5)) builder.Add(Vote("sd3", "JP"));

        var html = await ReportRenderer.RenderHtmlAsync(analysis with { Breakdown = builder.Build(minVotes: 20) }, LoaderFor());

        Assert.Contains("<section id=\"breakdown\">", html);
        Assert.Contains("<th>DE</th>", html);
        Assert.DoesNotContain("<th>JP</th>", html);
        Assert.Contains("1 more group has under 20 votes for every model.", html);
        Assert.Contains("title=\"30 of 40 votes\">75 %</td>", html);
        Assert.Contains("Cells with fewer than 20 votes are hidden", html);
    }

    [Fact]
    public async Task RenderHtmlAsync_WithoutBreakdown_HasNoBreakdownSection()
    {
        var analysis = PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "flux", "sd3", 3, 1)], new AnalysisOptions(BootstrapRounds: 0));

        var html = await ReportRenderer.RenderHtmlAsync(analysis, LoaderFor());

        Assert.DoesNotContain("id=\"breakdown\"", html);
    }

    [Fact]
    public async Task RenderHtmlAsync_MissingBrokenAndFailingImages_BecomeLabelledPlaceholders()
    {
        var analysis = PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "flux", "sd3", 3, 1), Outcomes.Of("m2", "flux", "sd3", 1, 1)],
            new AnalysisOptions(BootstrapRounds: 0));
        Func<string, CancellationToken, Task<byte[]?>> loader = (path, _) => path switch
        {
            "flux_m1_0.png" => Task.FromResult<byte[]?>(Red),
            "sd3_m1_1.png" => Task.FromResult<byte[]?>("not an image"u8.ToArray()),
            "flux_m2_0.png" => throw new IOException("disk on fire"),
            _ => Task.FromResult<byte[]?>(null),
        };

        var html = await ReportRenderer.RenderHtmlAsync(analysis, loader);

        Assert.Equal(1, CountOf(html, "<img src=\"data:image/jpeg;base64,"));
        Assert.Contains("Image not a readable image</strong><code>sd3_m1_1.png</code>", html);
        Assert.Contains("Image could not be read (IOException)</strong><code>flux_m2_0.png</code>", html);
        Assert.Contains("Image not found</strong><code>sd3_m2_1.png</code>", html);
    }

    [Fact]
    public async Task RenderHtmlAsync_MarkupInPromptAndNames_IsEscaped()
    {
        var outcome = Outcomes.Of("m1", "<b>flux</b>", "sd3", 3, 1).WithPrompt("<script>alert('x')</script>");
        var analysis = PreferenceAnalyzer.Analyze([outcome], new AnalysisOptions(BootstrapRounds: 0));

        var html = await ReportRenderer.RenderHtmlAsync(analysis, LoaderFor());

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>flux</b>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task RenderHtmlAsync_Leaderboard_HasOneTableRowAndOneChartDotPerModel()
    {
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 30, 10), .. Outcomes.Pair("b", "c", 20, 20), .. Outcomes.Pair("a", "c", 25, 5)];
        var analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: 20));

        var html = await ReportRenderer.RenderHtmlAsync(analysis, LoaderFor());

        Assert.Equal(3, CountOf(html, "<circle "));
        Assert.Equal(3, CountOf(html, "<tr><td>"));
        Assert.Contains("<td>a</td>", html);
    }

    [Fact]
    public async Task RenderHtmlAsync_NoVotesAtAll_RendersWithWarningsInsteadOfFailing()
    {
        var analysis = PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "flux", "sd3", 0, 0)]);

        var html = await ReportRenderer.RenderHtmlAsync(analysis, LoaderFor());
        var png = LeaderboardPng.Render(analysis.Models);

        Assert.Equal(2, analysis.Components);
        Assert.Contains("Read with care", html);
        Assert.Contains("received no votes", html);
        Assert.NotNull(SKBitmap.Decode(png));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
