using Azure.Data.Tables;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>
/// kill -9 of the host in the tail of a paid run (inside WriteResults, inside the report step): a restarted host
/// finishes the run, with one order and each result row once. The storage proxy holds the chosen write so the kill
/// lands exactly there.
/// </summary>
public sealed class TailCrashTests
{
    [Fact]
    public async Task HostKilled_InsideWriteResults_RunCompletesWithEachRowOnce()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var tables = await StorageProxy.StartAsync(Endpoint(harness.ConnectionString, "TableEndpoint"));
        var viaProxy = new Dictionary<string, string> { ["AzureWebJobsStorage"] = tables.Rewrite(harness.ConnectionString, "TableEndpoint") };
        // WriteResults writes MatchupResults, then ModelScores: holding the ModelScores batch kills the host between the two.
        var held = tables.HoldNext((request, body) =>
            request.Path.Value!.EndsWith("/$batch", StringComparison.Ordinal) && body.Contains($"/{TableNames.ModelScores}(", StringComparison.Ordinal));
        var first = await harness.StartHostAsync(viaProxy);
        var upload = await harness.DropSampleAsync();

        await held.WaitAsync(TimeSpan.FromMinutes(3));
        var writing = await harness.Runs.GetAsync(upload.RunId);
        var matchupsBeforeCrash = await CountRowsAsync(harness, TableNames.MatchupResults, upload.RunId);
        first.Kill();
        await harness.StartHostAsync(viaProxy);
        var run = await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(4));

        Assert.Equal(RunPhase.WritingResults, writing!.Phase);
        Assert.Equal(40, matchupsBeforeCrash);
        Assert.Equal(RunStatus.Completed, run!.Status);
        Assert.Single(await harness.OrdersAsync());
        Assert.Equal(40, await CountRowsAsync(harness, TableNames.MatchupResults, upload.RunId));
        Assert.Equal(2, await CountRowsAsync(harness, TableNames.ModelScores, upload.RunId));
        Assert.Equal(600, run.TotalVotes);
    }

    [Fact]
    public async Task HostKilled_InsideTheReportStep_RunStaysCompletedAndTheReportIsWrittenAfterRestart()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var blobs = await StorageProxy.StartAsync(Endpoint(harness.ConnectionString, "BlobEndpoint"));
        var viaProxy = new Dictionary<string, string> { ["AzureWebJobsStorage"] = blobs.Rewrite(harness.ConnectionString, "BlobEndpoint") };
        var held = blobs.HoldNext((request, _) => request.Method == "PUT"
            && request.Path.Value!.Contains($"/{harness.RunsContainer}/", StringComparison.Ordinal)
            && request.Path.Value.EndsWith("/report.html", StringComparison.Ordinal));
        var first = await harness.StartHostAsync(viaProxy);
        var upload = await harness.DropSampleAsync();

        await held.WaitAsync(TimeSpan.FromMinutes(3));
        var reporting = await harness.Runs.GetAsync(upload.RunId);
        first.Kill();
        await harness.StartHostAsync(viaProxy);
        var reported = await harness.WaitForRunAsync(upload.RunId, r => r.ReportBlob is not null, TimeSpan.FromMinutes(4), "the report");

        Assert.Equal(RunStatus.Completed, reporting!.Status); // results are in: the tail cannot undo that
        Assert.Null(reporting.ReportBlob);
        Assert.Equal(RunStatus.Completed, reported!.Status);
        Assert.Null(reported.ReportError);
        Assert.Single(await harness.OrdersAsync());
        Assert.Equal(40, await CountRowsAsync(harness, TableNames.MatchupResults, upload.RunId));
        Assert.Equal(2, await CountRowsAsync(harness, TableNames.ModelScores, upload.RunId));
        var report = await harness.Storage.Blobs.GetBlobContainerClient(harness.RunsContainer)
            .GetBlobClient(reported.ReportBlob).DownloadContentAsync();
        Assert.Contains("<html", report.Value.Content.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The origin (scheme, host, port) of one endpoint of a storage connection string.</summary>
    private static Uri Endpoint(string connectionString, string key)
    {
        var setting = connectionString.Split(';').Single(part => part.StartsWith(key + "=", StringComparison.OrdinalIgnoreCase));
        return new Uri(new Uri(setting[(key.Length + 1)..]).GetLeftPart(UriPartial.Authority));
    }

    private static async Task<int> CountRowsAsync(PipelineHarness harness, string table, string runId)
    {
        var count = 0;
        await foreach (var _ in harness.Storage.Tables.GetTableClient(table)
                           .QueryAsync<TableEntity>(e => e.PartitionKey == runId, select: ["RowKey"]))
            count++;
        return count;
    }
}
