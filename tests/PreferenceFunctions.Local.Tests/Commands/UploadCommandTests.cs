using PreferenceFunctions.Cli;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Commands;

/// <summary>upload checks the folder first and needs storage; both failures are short and exit 1.</summary>
public sealed class UploadCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), UniqueName.For("upload"));

    /// <summary>Storage on a port nothing listens on: Azurite is not running.</summary>
    private static Dictionary<string, string> NoStorage()
    {
        var port = FreePort.Next();
        return new() { ["AzureWebJobsStorage"] = Azurite.ConnectionString(port, port, port) };
    }

    private async Task WriteRejectedFolderAsync(int badRows)
    {
        Assert.Equal(0, (await CliRun.InvokeAsync("generate-dataset", _folder, "--matchups", "4")).Exit);
        var rows = Enumerable.Range(1, badRows).Select(i => $"prompt {i},flux/missing_{i}.png,stable_diffusion/missing_{i}.png\n");
        await File.AppendAllTextAsync(Path.Combine(_folder, "matchups.csv"), string.Concat(rows));
    }

    [Fact]
    public async Task Upload_RejectedFolder_PrintsFirstTenProblemsAndUploadsNothing()
    {
        await WriteRejectedFolderAsync(badRows: 6); // two missing images per row: 12 problems

        var run = await CliRun.InvokeWithEnvironmentAsync(NoStorage(), "upload", _folder);

        Assert.Equal(ExitCodes.Failed, run.Exit);
        Assert.StartsWith("Rejected: 12 error(s)", run.ErrorLines[0]);
        Assert.Equal(10, run.ErrorLines.Count(l => l.StartsWith("error ", StringComparison.Ordinal)));
        Assert.Contains("... and 2 more", run.Error);
        Assert.Equal("upload: the folder would be rejected; nothing uploaded (fix it, or pass --no-validate)", run.ErrorLines[^1]);
        Assert.DoesNotContain("storage", run.Error); // it stopped before touching storage
    }

    [Fact]
    public async Task Upload_NoValidate_SkipsTheCheckAndReachesStorage()
    {
        await WriteRejectedFolderAsync(badRows: 1);

        var run = await CliRun.InvokeWithEnvironmentAsync(NoStorage(), "upload", _folder, "--no-validate");

        Assert.Equal(ExitCodes.Failed, run.Exit);
        Assert.StartsWith("upload: storage is not reachable", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Upload_NoAzurite_OneLineSayingHowToStartIt()
    {
        var sample = Path.Combine(Azurite.RepositoryRoot(), "samples", "flux-vs-sd3");

        var run = await CliRun.InvokeWithEnvironmentAsync(NoStorage(), "upload", sample);

        Assert.Equal(ExitCodes.Failed, run.Exit);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("storage is not reachable: nothing answers at http://127.0.0.1:", line);
        Assert.Contains("start Azurite with: NODE_OPTIONS=--max-semi-space-size=64 npx --yes azurite@", line);
    }

    [Fact]
    public async Task Serve_NoAzurite_OneLineSayingHowToStartIt()
    {
        var run = await CliRun.InvokeWithEnvironmentAsync(NoStorage(), "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Failed, run.Exit);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("serve: storage is not reachable", line);
        Assert.Contains("start Azurite with:", line);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
