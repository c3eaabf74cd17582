using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Local.Watching;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>The watcher starts one run per matchups.csv version and remembers it across host restarts.</summary>
public sealed class DatasetWatcherTests
{
    [Theory]
    [InlineData(0.01, 1, 1)] // a small container: the interval
    [InlineData(0.3, 1, 2.7)] // a listing that costs the storage 0.3 s: at most a tenth of the time spent listing
    public void WaitAfter_ScanLongerThanATenthOfTheInterval_WaitsNineScans(double scanSeconds, double intervalSeconds, double expectedSeconds)
    {
        var wait = DatasetWatcher.WaitAfter(TimeSpan.FromSeconds(scanSeconds), TimeSpan.FromSeconds(intervalSeconds));

        Assert.Equal(expectedSeconds, wait.TotalSeconds, precision: 6);
    }

    [Fact]
    public void AwaitedFolders_ManyFoldersWithoutCsv_AsksTheLatestSeenWithinTheirTimeOnly()
    {
        var now = Stopwatch.GetTimestamp();
        long SecondsAgo(double seconds) => now - (long)(seconds * Stopwatch.Frequency);
        var firstSeen = Enumerable.Range(0, DatasetWatcher.MaxAwaitedFolders + 4)
            .ToDictionary(i => $"upload-{i:D2}/", i => SecondsAgo(100 - i)); // upload-19/ seen last
        var twoFolders = new Dictionary<string, long>
        {
            ["recent/"] = SecondsAgo(DatasetWatcher.AwaitCsvFor.TotalSeconds - 1),
            ["old/"] = SecondsAgo(DatasetWatcher.AwaitCsvFor.TotalSeconds + 1),
        };

        var awaited = DatasetWatcher.AwaitedFolders(firstSeen, now);
        var awaitedOfTwo = DatasetWatcher.AwaitedFolders(twoFolders, now);

        Assert.Equal(Enumerable.Range(4, DatasetWatcher.MaxAwaitedFolders).Reverse().Select(i => $"upload-{i:D2}/"), awaited);
        Assert.Equal(["recent/"], awaitedOfTwo);
    }

    [Fact]
    public async Task RestartedHost_SeesOldDataset_DoesNotTriggerItAgain()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var triggers = harness.Storage.Tables.GetTableClient(TableNames.DatasetTriggers);
        var first = await harness.DropSampleAsync("a-first");
        TableEntity before;
        await using (await harness.StartInProcessHostAsync())
            before = await TriggerRowAsync(triggers, harness.DatasetsContainer, "a-first/matchups.csv");

        await using var restarted = await harness.StartInProcessHostAsync();
        await harness.DropSampleAsync("b-second");
        // The scan that finds b-second lists a-first too (folders come in name order).
        await TriggerRowAsync(triggers, harness.DatasetsContainer, "b-second/matchups.csv");
        var after = await TriggerRowAsync(triggers, harness.DatasetsContainer, "a-first/matchups.csv");

        Assert.Equal(first.CsvETag.Trim('"'), after.GetString("BlobETag"));
        Assert.Equal(before.GetDateTimeOffset("TriggeredAt"), after.GetDateTimeOffset("TriggeredAt"));
        Assert.Equal(first.RunId, after.GetString("RunId"));
    }

    [Fact]
    public async Task ChangedCsv_NewBlobVersion_StartsSecondRun()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync();
        var first = await harness.DropSampleAsync();
        await harness.WaitForRunAsync(first.RunId, _ => true, TimeSpan.FromMinutes(1), "the first run");

        var second = await harness.DropSampleAsync(); // same folder again: a new ETag

        Assert.NotEqual(first.RunId, second.RunId);
        await harness.WaitForRunAsync(second.RunId, _ => true, TimeSpan.FromMinutes(1), "the run of the changed CSV");
    }

    [Fact]
    public async Task TwoHosts_SameBlobVersionAtOnce_OnlyOneStartsTheRun()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var first = await harness.StartInProcessHostAsync(watch: false);
        await using var second = await harness.StartInProcessHostAsync(watch: false);
        var upload = await harness.DropSampleAsync();
        var blob = $"{upload.Dataset}/matchups.csv";

        var starts = await Task.WhenAll(
            first.Services.GetRequiredService<DatasetTriggers>().OnBlobVersionAsync(harness.DatasetsContainer, blob, upload.CsvETag, CancellationToken.None),
            second.Services.GetRequiredService<DatasetTriggers>().OnBlobVersionAsync(harness.DatasetsContainer, blob, upload.CsvETag, CancellationToken.None));

        Assert.Single(starts, s => s!.Started);
        Assert.All(starts, s => Assert.Equal(upload.RunId, s!.RunId));
    }

    /// <summary>The watcher's row for the blob, waiting until the watcher has written it.</summary>
    private static async Task<TableEntity> TriggerRowAsync(TableClient table, string container, string blobName)
    {
        var row = await Eventually.GetAsync(
            async () => await table.GetEntityIfExistsAsync<TableEntity>(container, TableKeys.Escape(blobName)),
            found => found.HasValue, TimeSpan.FromMinutes(1), $"the watcher to record {blobName}");
        return row.Value!;
    }
}
