using Microsoft.Playwright;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Dashboard;

/// <summary>
/// Headless Chromium (the Debian package; Playwright cannot download browsers here) on one dashboard page, collecting
/// console errors, failed requests and CSP violations; screenshots go to <c>artifacts/dashboard/</c> (git-ignored).
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            // The page asks once whether the API has leaderboards (GET /api/leaderboards); a 404 only hides that section. A
            // refused upload (POST /api/datasets/..., 400 or 409) is the page's to show, as it does.
            if (message.Type == "error" && !message.Location.Contains("/api/leaderboards", StringComparison.Ordinal)
                && !message.Location.Contains("/api/datasets/", StringComparison.Ordinal))
                Errors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Errors.Add(error);
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Url}");
    }

    public IPage Page { get; }

    /// <summary>Console errors (a blocked inline script or style shows here), page errors and failed requests.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<DashboardBrowser> OpenAsync(Uri address, int width = 1280, int height = 900)
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(path), $"Chromium not found at {path}: run .ci/install-system-packages or set CHROMIUM_PATH.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(60_000);
        var opened = new DashboardBrowser(playwright, browser, page);
        await page.GotoAsync(address.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return opened;
    }

    /// <summary>Saves the page (its full length, or what the window shows) as artifacts/dashboard/<paramref name="name"/>.png.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var directory = Path.Combine(Azurite.RepositoryRoot(), "artifacts", "dashboard");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
