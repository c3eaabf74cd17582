using System.Globalization;
using System.Text.RegularExpressions;
using PreferenceFunctions.Cli;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>status on a rejected run prints the first problems of its validation report (GET /api/runs/{id}/validation);
/// status --follow never goes quiet.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), UniqueName.For("rejected"));

    [Fact]
    public async Task Status_RejectedRun_PrintsFirstTenProblemsAndExitsOne()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync();
        Assert.Equal(0, (await CliRun.InvokeAsync("generate-dataset", _folder, "--matchups", "4")).Exit);
        var rows = Enumerable.Range(1, 6).Select(i => $"prompt {i},flux/missing_{i}.png,stable_diffusion/missing_{i}.png\n");
        await File.AppendAllTextAsync(Path.Combine(_folder, "matchups.csv"), string.Concat(rows));
        var upload = await new DatasetUploader(harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer))
            .UploadAsync(_folder, "broken");
        await harness.WaitForRunAsync(upload.RunId, r => r.Status == RunStatus.Rejected, TimeSpan.FromMinutes(2), "the rejection");

        // No storage settings: the problems come from the API's validation route.
        var run = await CliRun.InvokeAsync("status", upload.RunId, "--api", host.BaseAddress.ToString());

        Assert.Equal(ExitCodes.Failed, run.Exit);
        Assert.True(run.Output.Contains("\"status\": \"Rejected\"", StringComparison.Ordinal), run.Output + run.Error);
        Assert.StartsWith("Rejected: 12 error(s)", run.ErrorLines[0]);
        Assert.Contains($"{host.BaseAddress}api/runs/{upload.RunId}/validation?format=text", run.ErrorLines[0]);
        Assert.Equal(10, run.ErrorLines.Count(l => l.StartsWith("error ", StringComparison.Ordinal)));
        Assert.Contains("matchups.csv row 6, column image1", run.Error);
        Assert.Equal("... and 2 more", run.ErrorLines[^1]);
    }

    [Fact]
    public async Task StatusFollow_OutputRedirected_PrintsALineAtLeastEveryFiveSecondsWithTheCrowdsProgress()
    {
        // An Azurite of its own: the shared one holds every earlier test's blobs, and in a CI run it stalled storage (the API
        // and the run alike) twice for 12 s, about 20 minutes after it started; most likely its sweep of unreferenced blob
        // extents, which it runs every 10 minutes over all blobs. The gap asserted here is about the follower, not that.
        await using var storage = await RestartableAzurite.StartAsync();
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: 15, storage.ConnectionString); // 600 votes: ~40 s
        await using var host = await harness.StartInProcessHostAsync();
        var upload = await harness.DropSampleAsync();

        var run = await CliRun.InvokeAsync("status", upload.RunId, "--follow", "--api", host.BaseAddress.ToString());

        Assert.Equal(ExitCodes.Ok, run.Exit);
        var lines = run.Output.Split('\n').Select(l => FollowLine.Match(l)).Where(m => m.Success).ToList();
        Assert.True(lines.Count >= 5, run.Output);
        var times = lines.Select(m => TimeSpan.ParseExact(m.Groups["time"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture)).ToList();
        // At least every 5 s, a slow API answer included: the follower then says it is waiting (1 s of slack for the clock's
        // whole seconds, 1 s for a busy machine).
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First <= TimeSpan.FromSeconds(7), run.Output));
        var decided = lines.Select(m => m.Groups["state"].Value).Where(s => s.StartsWith("WaitingForCrowd, ", StringComparison.Ordinal))
            .Select(s => s.Split(' ')[1]).Distinct().ToList();
        Assert.True(decided.Count >= 2, "the number of decided matchups never changed:\n" + run.Output);
        Assert.Contains(lines, m => m.Groups["state"].Value.StartsWith("Completed", StringComparison.Ordinal));
        Assert.Contains("\"status\": \"Completed\"", run.Output);
    }

    private static readonly Regex FollowLine = new(@"^(?<time>\d\d:\d\d:\d\d) run \S+: (?<state>.*) \(\d+ s\)\r?$", RegexOptions.CultureInvariant);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
