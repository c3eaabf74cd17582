using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>
/// WriteResults writes the votes export and the table rows at the same time; an attempt that died half way (some rows
/// written, no votes.parquet yet) is followed by a retry that must leave exactly what one clean attempt leaves.
/// </summary>
public sealed class WriteResultsRetryTests
{
    [Fact]
    public async Task WriteResults_RetriedAfterAHalfWrittenAttempt_LeavesTheSameRowsAndVotesExport()
    {
        await using var harness = await RunHarness.StartAsync();
        var started = await harness.StartRunAsync("retried", await harness.UploadDatasetAsync(RunHarness.SamplePath, "retried"));
        RunHarness.AssertOutcome(await harness.WaitAsync(started.RunId), RunPhase.Completed);
        var runId = started.RunId;
        var matchupTable = harness.Storage.Tables.GetTableClient(TableNames.MatchupResults);
        var modelTable = harness.Storage.Tables.GetTableClient(TableNames.ModelScores);
        var votes = harness.Runs.GetBlobClient(RunBlobs.Votes(runId));
        var matchupsBefore = await RowsAsync<MatchupResultEntity>(matchupTable, runId);
        var modelsBefore = await RowsAsync<ModelScoreEntity>(modelTable, runId);
        var votesBefore = (await votes.DownloadContentAsync()).Value.Content.ToArray();

        // The state a crash in the middle leaves: half the matchup rows, no model rows, no votes export.
        foreach (var row in (await matchupTable.QueryAsync<MatchupResultEntity>(e => e.PartitionKey == runId).ToListAsync()).Take(20))
            await matchupTable.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        foreach (var row in await modelTable.QueryAsync<ModelScoreEntity>(e => e.PartitionKey == runId).ToListAsync())
            await modelTable.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        await votes.DeleteAsync();
        var runRow = (await harness.RunRowAsync(runId))!;
        var manifest = await new ManifestStore(harness.Storage.Blobs).ReadManifestAsync(harness.RunsContainer, $"{runId}/manifest.json");
        ITaskActivity write = ActivatorUtilities.CreateInstance<WriteResultsActivity>(harness.Services);
        var summary = (ResultsSummary)(await write.RunAsync(new TestActivityContext("write-results", runId),
            new WriteResultsInput(runId, harness.RunsContainer, runRow.ResultsBlob!, manifest.ChunkBlobNames)))!;

        Assert.Equal((40, 40 * 15), (summary.Matchups, summary.TotalVotes));
        Assert.Equal(40, matchupsBefore.Count);
        Assert.Equal(matchupsBefore, await RowsAsync<MatchupResultEntity>(matchupTable, runId));
        Assert.Equal(modelsBefore, await RowsAsync<ModelScoreEntity>(modelTable, runId));
        Assert.Equal(votesBefore, (await votes.DownloadContentAsync()).Value.Content.ToArray());
    }

    /// <summary>Each row's fields as JSON, in key order, without what the service stamps (Timestamp, ETag).</summary>
    private static async Task<List<string>> RowsAsync<T>(TableClient table, string runId) where T : class, ITableEntity
    {
        var rows = await table.QueryAsync<T>($"PartitionKey eq '{runId}'").ToListAsync();
        return [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r =>
        {
            (r.Timestamp, r.ETag) = (null, default);
            return JsonSerializer.Serialize(r);
        })];
    }
}
