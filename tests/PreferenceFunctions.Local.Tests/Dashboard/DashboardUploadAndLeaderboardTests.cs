using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Playwright;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;
using static Microsoft.Playwright.Assertions;

namespace PreferenceFunctions.Local.Tests.Dashboard;

/// <summary>The dashboard's drop zone refusing a broken folder, and its leaderboard page over two real runs, in headless Chromium.</summary>
public sealed class DashboardUploadAndLeaderboardTests : IDisposable
{
    private static readonly string SampleFolder = Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset);
    private readonly List<string> _folders = [];

    [Fact]
    public async Task Dashboard_RejectedFolderDropped_ListsItsProblemsAndWritesNothing()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        var folder = CopyOfSample();
        await File.AppendAllTextAsync(Path.Combine(folder, "matchups.csv"), "prompt x,flux/missing_1.png,stable_diffusion/missing_2.png\n");
        await using var browser = await DashboardBrowser.OpenAsync(host.BaseAddress);
        var page = browser.Page;

        await page.GetByLabel("Dataset name").FillAsync("refused");
        await page.Locator("#dataset-files").SetInputFilesAsync(Directory.GetFiles(folder));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload and start the run" }).ClickAsync();

        var problems = page.Locator("#upload-problems tbody tr");
        await Expect(problems).ToHaveCountAsync(2);
        var missing = problems.Filter(new LocatorFilterOptions { HasText = "flux/missing_1.png" });
        await Expect(missing.Locator("td").Nth(1)).ToHaveTextAsync("matchups.csv");
        await Expect(missing.Locator("td").Nth(2)).ToHaveTextAsync("42");
        await Expect(missing.Locator("td").Nth(3)).ToHaveTextAsync("image1");
        await Expect(page.Locator("#upload-message")).ToContainTextAsync("Not uploaded: refused: 2 error(s)");
        var container = harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer);
        Assert.False(await container.ExistsAsync() && await container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, default)
            .GetAsyncEnumerator().MoveNextAsync(), "a refused folder wrote to storage");
        await browser.ScreenshotAsync("upload-refused");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task LeaderboardPage_TwoRuns_ShowsBothRunsModelsAndRemovesARun()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync();
        var name = UniqueName.For("weekly");
        var order = $$"""{ "responsesPerMatchup": 5, "leaderboard": "{{name}}" }""";
        var first = CopyOfSample(order);
        var second = CopyOfSample(order);
        await RenameModelAsync(Path.Combine(second, "matchups.csv"), "stable_diffusion", "sd3-turbo");
        var uploader = new DatasetUploader(harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer));
        var runs = await Task.WhenAll(uploader.UploadAsync(first, "board-a"), uploader.UploadAsync(second, "board-b"));
        foreach (var run in runs)
            Assert.Equal(RunStatus.Completed, (await harness.WaitForEndAsync(run.RunId, TimeSpan.FromMinutes(4)))!.Status);
        await Eventually.GetAsync(() => RunsInAsync(host.BaseAddress, name), count => count == 2, TimeSpan.FromSeconds(60), "both runs in the board");

        await using var browser = await DashboardBrowser.OpenAsync(new Uri(host.BaseAddress, "#/leaderboards"));
        var page = browser.Page;
        await page.Locator($"tr[data-leaderboard='{name}'] a").ClickAsync();
        var models = page.Locator("#board-models tbody tr");
        await Expect(models).ToHaveCountAsync(3);
        foreach (var model in new[] { "flux", "stable_diffusion", "sd3-turbo" })
            await Expect(page.Locator($"#board-models tr[data-model='{model}'] .interval .range")).ToHaveCountAsync(1);
        await Expect(page.Locator("#board-models tr[data-model='flux'] td").Last).ToHaveTextAsync("2"); // flux played in both runs
        await Expect(page.Locator("#board-runs tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Votes to buy").FillAsync("300");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Suggest matchups" }).ClickAsync();
        var skeleton = page.Locator("#suggest-csv");
        await Expect(skeleton).ToHaveAttributeAsync("download", $"{name}-matchups.csv");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.StartsWith("prompt,image1,image2,model1,model2", await http.GetStringAsync(await skeleton.GetAttributeAsync("href")));
        await browser.ScreenshotAsync("leaderboard");

        await page.Locator($"#board-runs tr[data-run='{runs[1].RunId}'] button").ClickAsync();
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.Locator("#confirm-ok").ClickAsync();

        await Expect(page.Locator("#board-runs tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#board-runs tr[data-run='{runs[0].RunId}']")).ToHaveCountAsync(1);
        await Expect(models).ToHaveCountAsync(2);
        await Expect(page.Locator("#board-models tr[data-model='sd3-turbo']")).ToHaveCountAsync(0);
        Assert.Equal(1, await RunsInAsync(host.BaseAddress, name));
        await page.SetViewportSizeAsync(390, 844);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"),
            "the leaderboard page scrolls sideways on a phone");
        await browser.ScreenshotAsync("leaderboard-phone");
        Assert.Empty(browser.Errors);
    }

    /// <summary>The sample dataset copied to a temporary folder, with another order.json when one is given.</summary>
    private string CopyOfSample(string? orderJson = null)
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-dataset").FullName;
        _folders.Add(folder);
        foreach (var file in Directory.GetFiles(SampleFolder)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        if (orderJson is not null) File.WriteAllText(Path.Combine(folder, "order.json"), orderJson);
        return folder;
    }

    /// <summary>Names the models in model1/model2 columns (the image folders otherwise), one of them renamed.</summary>
    private static async Task RenameModelAsync(string csv, string model, string newName)
    {
        var lines = await File.ReadAllLinesAsync(csv);
        string ModelOf(string image) => image[..image.IndexOf('/')] is var m && m == model ? newName : m;
        var rows = lines.Skip(1).Select(line =>
        {
            var images = line[(line.LastIndexOf(',', line.LastIndexOf(',') - 1) + 1)..].Split(',');
            return $"{line},{ModelOf(images[0])},{ModelOf(images[1])}";
        });
        await File.WriteAllLinesAsync(csv, [lines[0] + ",model1,model2", .. rows]);
    }

    private static async Task<int> RunsInAsync(Uri host, string leaderboard)
    {
        using var http = new HttpClient { BaseAddress = host };
        using var response = await http.GetAsync($"api/leaderboards/{leaderboard}");
        if (response.StatusCode == HttpStatusCode.NotFound) return 0;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("runs").GetArrayLength();
    }

    public void Dispose()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }
}
