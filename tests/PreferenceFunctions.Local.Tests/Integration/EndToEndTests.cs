using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>The real pipeline in a real host process: Azurite, the emulator over HTTP, the dataset watcher.</summary>
public sealed class EndToEndTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Drop_SampleDataset_ResultsInTablesAndApi()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var host = await harness.StartHostAsync();

        var upload = await harness.DropSampleAsync();
        var run = await harness.WaitForEndAsync(upload.RunId, RunTimeout);

        Assert.Equal(RunStatus.Completed, run!.Status);
        var matchups = await harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None);
        var models = await harness.Results.ReadModelsAsync(upload.RunId, CancellationToken.None);
        Assert.Equal(40, matchups.Count);
        Assert.True(models.Count >= 2, $"expected at least two models, got {models.Count}");
        var order = Assert.Single(await harness.OrdersAsync());
        Assert.Equal(order.GetProperty("totalVotes").GetInt64(), matchups.Sum(m => m.Votes1 + m.Votes2 + m.BothVotes + m.NeitherVotes));
        var csv = await host.Api.GetResultsTextAsync(upload.RunId, "csv", "models");
        Assert.StartsWith("model,votes,pairsWon,winRate,score,scoreLow,scoreHigh,rank", csv);
    }

    [Fact]
    public async Task TwentyDatasets_DroppedAtOnce_AllComplete()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await harness.StartHostAsync();

        var uploads = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => harness.DropSampleAsync($"batch-{i:D2}")));
        var runs = new List<RunStatus?>();
        foreach (var upload in uploads)
            runs.Add((await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(8)))!.Status);

        Assert.All(runs, status => Assert.Equal(RunStatus.Completed, status));
        Assert.Equal(20, (await harness.OrdersAsync()).Count);
        foreach (var upload in uploads)
            Assert.Equal(40, (await harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None)).Count);
    }
}
