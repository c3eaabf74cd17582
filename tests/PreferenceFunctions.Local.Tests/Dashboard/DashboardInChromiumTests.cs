using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;
using static Microsoft.Playwright.Assertions;

namespace PreferenceFunctions.Local.Tests.Dashboard;

/// <summary>The dashboard of the local host in headless Chromium, against the real pipeline (Azurite, the emulator over HTTP).</summary>
public sealed class DashboardInChromiumTests : IDisposable
{
    private static readonly LocatorAssertionsToHaveCountOptions Long = new() { Timeout = 180_000 };
    private static readonly string SampleFolder = Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), UniqueName.For("rejected"));

    [Fact]
    public async Task Dashboard_SampleDroppedOnThePage_RunReachesCompletedLiveAndGalleryPages()
    {
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: 40);
        await using var host = await harness.StartInProcessHostAsync();
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        var page = browser.Page;
        await Expect(page.Locator("#live")).ToContainTextAsync("Updated");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.GetByLabel("Dataset name").FillAsync(PipelineHarness.SampleDataset);
        await page.Locator("#dataset-files").SetInputFilesAsync(Directory.GetFiles(SampleFolder));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload and start the run" }).ClickAsync();
        var runLink = page.Locator("#upload-message a");
        await Expect(runLink).ToHaveCountAsync(1);
        var runId = await runLink.TextContentAsync();

        var row = page.Locator($"tr[data-run='{runId}']");
        await Expect(row).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Completed", new LocatorAssertionsToHaveTextOptions { Timeout = 180_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
        var run = await harness.Runs.GetAsync(runId!);
        Assert.Equal(PipelineHarness.SampleDataset, run!.DatasetFolder);
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync($"{run.TotalVotes:N0} / {run.MatchupCount * run.ResponsesPerMatchup:N0}");
        await browser.ScreenshotAsync("runs");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        var pairs = page.Locator("#pairs article.pair");
        await Expect(pairs).ToHaveCountAsync(12, Long);
        await Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#timeline li.done")).ToHaveCountAsync(9);
        await Expect(page.Locator("#page-label")).ToHaveTextAsync("Page 1 of 4 (40 matchups)");
        var ratios = await RatiosAsync(page);
        Assert.Equal(ratios.OrderByDescending(r => r), ratios);
        await WaitForImagesAsync(page);
        await browser.ScreenshotAsync("run-completed");
        await browser.ScreenshotAsync("dashboard", fullPage: false); // the README's dashboard picture (docs/images/dashboard.png)

        await page.GetByLabel("Order").SelectOptionAsync("closest");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Next →" }).ClickAsync();
        await Expect(page.Locator("#page-label")).ToHaveTextAsync("Page 2 of 4 (40 matchups)");
        var closest = await RatiosAsync(page);
        Assert.Equal(closest.OrderBy(r => r), closest);
        await WaitForImagesAsync(page);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Dashboard_RejectedRun_ShowsEveryProblemWithRowAndColumn()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync();
        Assert.Equal(0, (await CliRun.InvokeAsync("generate-dataset", _folder, "--matchups", "4")).Exit);
        var rows = Enumerable.Range(1, 6).Select(i => $"prompt {i},flux/missing_{i}.png,stable_diffusion/missing_{i}.png\n");
        await File.AppendAllTextAsync(Path.Combine(_folder, "matchups.csv"), string.Concat(rows));
        var upload = await new DatasetUploader(harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer)).UploadAsync(_folder, "broken");
        await harness.WaitForRunAsync(upload.RunId, r => r.Status == RunStatus.Rejected, TimeSpan.FromMinutes(2), "the rejection");

        await using var browser = await DashboardBrowser.OpenAsync(new Uri(host.BaseAddress, $"#/runs/{upload.RunId}"));
        var page = browser.Page;

        var problems = page.Locator("#rejection tbody tr");
        await Expect(problems).ToHaveCountAsync(12, Long);
        var imageProblem = problems.Filter(new LocatorFilterOptions { HasText = "flux/missing_1.png" }).First;
        await Expect(imageProblem.Locator("td").Nth(2)).ToHaveTextAsync("6");
        await Expect(imageProblem.Locator("td").Nth(3)).ToHaveTextAsync("image1");
        await Expect(page.Locator("#run-status .badge")).ToHaveTextAsync("Rejected");
        await Expect(page.Locator("#cancel")).ToBeDisabledAsync();
        await browser.ScreenshotAsync("run-rejected");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task ValidationRoute_RejectedRun_JsonAndTextListEveryProblem()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync();
        Assert.Equal(0, (await CliRun.InvokeAsync("generate-dataset", _folder, "--matchups", "4")).Exit);
        await File.AppendAllTextAsync(Path.Combine(_folder, "matchups.csv"), "prompt x,flux/missing_x.png,stable_diffusion/missing_y.png\n");
        var upload = await new DatasetUploader(harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer)).UploadAsync(_folder, "broken");
        await harness.WaitForRunAsync(upload.RunId, r => r.Status == RunStatus.Rejected, TimeSpan.FromMinutes(2), "the rejection");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var json = JsonDocument.Parse(await http.GetStringAsync($"api/runs/{upload.RunId}/validation"));
        var text = await http.GetStringAsync($"api/runs/{upload.RunId}/validation?format=text");
        using var unknown = await http.GetAsync("api/runs/no-such-run/validation");
        using var badFormat = await http.GetAsync($"api/runs/{upload.RunId}/validation?format=xml");

        Assert.False(json.RootElement.GetProperty("accepted").GetBoolean());
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 6 && p.GetProperty("column").GetString() == "image2");
        Assert.Contains("REJECTED (2 errors)", text);
        Assert.Contains("matchups.csv row 6, column image1", text);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task Dashboard_CancelButton_AsksThenCancelsTheRun()
    {
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: 0.01);
        await using var host = await harness.StartInProcessHostAsync();
        var upload = await harness.DropSampleAsync();
        await harness.WaitForRunAsync(upload.RunId, r => r.Phase == RunPhase.WaitingForCrowd, TimeSpan.FromMinutes(3), "the wait");
        await using var browser = await DashboardBrowser.OpenAsync(new Uri(host.BaseAddress, $"#/runs/{upload.RunId}"), width: 390, height: 844);
        var page = browser.Page;
        await Expect(page.Locator("#run-status .badge")).ToHaveTextAsync("Running");
        await Expect(page.Locator("#timeline li[aria-current=step]")).ToHaveTextAsync("Waiting For Crowd");

        await page.Locator("#cancel").ClickAsync();
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("cancel-confirmation-phone");
        await page.Locator("#confirm-ok").ClickAsync();

        await Expect(page.Locator("#run-status .badge")).ToHaveTextAsync("Cancelled", new LocatorAssertionsToHaveTextOptions { Timeout = 120_000 });
        Assert.Equal(RunStatus.Cancelled, (await harness.Runs.GetAsync(upload.RunId))!.Status);
        await Expect(page.Locator("#resume")).ToBeEnabledAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the run page scrolls sideways on a phone");
        await browser.ScreenshotAsync("run-cancelled-phone");
        Assert.Empty(browser.Errors);
    }

    private static async Task<double[]> RatiosAsync(IPage page) => await page.EvaluateAsync<double[]>(
        "() => [...document.querySelectorAll('#pairs article.pair p.muted')].map(p => parseFloat(p.textContent.split('ratio ')[1]))");

    private static async Task WaitForImagesAsync(IPage page) => await page.WaitForFunctionAsync(
        "() => [...document.querySelectorAll('#pairs img')].every(i => i.complete && i.naturalWidth > 0)");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
