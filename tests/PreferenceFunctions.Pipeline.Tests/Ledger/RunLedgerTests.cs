using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Ledger;

/// <summary>The ledger against Azurite: typed rows, conditional writes, terminal statuses that never change.</summary>
public sealed class RunLedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordProgress_ConcurrentWritersAfterAnEnd_NeverDowngradeTheTerminalStatus()
    {
        var (ledger, runId) = await NewRunAsync();
        var running = new[] { RunPhase.Uploading, RunPhase.Submitting, RunPhase.WaitingForCrowd, RunPhase.Downloading };

        // 40 writers race: one ends the run half way, the others keep reporting progress of a running run.
        var writers = Enumerable.Range(0, 40).Select(i => Task.Run(() => i == 20
            ? ledger.RecordProgressAsync(new RunCheckpoint(runId, new RunProgress(RunPhase.Completed, 5, 5), At))
            : ledger.RecordProgressAsync(new RunCheckpoint(runId,
                new RunProgress(running[i % running.Length], i, 40, OrderState.Processing, "still going"), At.AddSeconds(i)))));
        await Task.WhenAll(writers);
        await ledger.RecordProgressAsync(new RunCheckpoint(runId, new RunProgress(RunPhase.WaitingForCrowd, 1, 5), At.AddMinutes(1)));
        var cancelled = await ledger.CancelAsync(runId, "too late", At.AddMinutes(2));

        var row = (await ledger.GetAsync(runId))!;
        Assert.Equal(RunStatus.Completed, row.Status);
        Assert.Equal(RunPhase.Completed, row.Phase);
        Assert.Equal(At, row.CompletedAt);
        Assert.Null(row.Error);
        Assert.Equal(RunStatus.Completed, cancelled!.Status);
    }

    [Fact]
    public async Task Record_ConcurrentWritersOfDifferentColumns_LoseNoWrite()
    {
        var (ledger, runId) = await NewRunAsync();

        await Task.WhenAll(
            Task.Run(() => ledger.RecordOrderAsync(runId, new OrderReference("order-1", "dataset-1", "pipeline-1", "name [run]"))),
            Task.Run(() => ledger.RecordSubmittedAsync(runId, At)),
            Task.Run(() => ledger.RecordResultsBlobAsync(runId, "run/results.json")),
            Task.Run(() => ledger.RecordNotificationFailuresAsync(runId, "webhook: 500")),
            Task.Run(() => ledger.RecordResultsAsync(runId, totalVotes: 42, winner: "flux", ["flux", "sd"])),
            Task.Run(() => ledger.RecordProgressAsync(new RunCheckpoint(runId, new RunProgress(RunPhase.Uploading, 1, 2), At,
                new UploadTotals(Chunks: 2, AssetsUploaded: 3, AssetsReused: 1, DatapointsCreated: 2)))));

        var row = (await ledger.GetAsync(runId))!;
        Assert.Equal(("order-1", "dataset-1", OrderState.Created), (row.OrderId, row.RapidataDatasetId, row.OrderState));
        Assert.Equal(At, row.SubmittedAt);
        Assert.Equal("run/results.json", row.ResultsBlob);
        Assert.Equal("webhook: 500", row.NotificationFailures);
        Assert.Equal((42, "flux", "flux, sd"), (row.TotalVotes, row.Winner, row.Models));
        Assert.Equal((2, 3, 1, 2), (row.ChunksUploaded, row.AssetsUploaded, row.AssetsReused, row.DatapointsCreated));
        Assert.Equal((RunStatus.Running, RunPhase.Uploading), (row.Status, row.Phase));
    }

    [Fact]
    public async Task RecordProgress_UploadCallsRecordedTwiceAndThenGrown_AreCountedOnceBesideTheOtherActivitiesCalls()
    {
        var (ledger, runId) = await NewRunAsync();
        await ledger.AddRapidataCallsAsync(runId, calls: 5, retries: 1); // staging and creating the order
        var submitting = new RunProgress(RunPhase.Submitting, 2, 2);

        var uploads = new UploadTotals(Chunks: 2, AssetsUploaded: 4, AssetsReused: 0, DatapointsCreated: 2,
            RapidataCalls: 6, RapidataRetries: 2);
        await ledger.RecordProgressAsync(new RunCheckpoint(runId, submitting, At, uploads));
        await ledger.RecordProgressAsync(new RunCheckpoint(runId, submitting, At, uploads)); // the activity ran again
        var row = (await ledger.GetAsync(runId))!;
        Assert.Equal((11L, 3L), (row.RapidataCalls, row.RapidataRetries));

        await ledger.AddRapidataCallsAsync(runId, calls: 1, retries: 0); // a failed attempt of a third chunk
        await ledger.RecordProgressAsync(new RunCheckpoint(runId, submitting, At,
            uploads with { Chunks = 3, RapidataCalls = 9, RapidataRetries = 2 }));
        row = (await ledger.GetAsync(runId))!;
        Assert.Equal((15L, 3L), (row.RapidataCalls, row.RapidataRetries));
        Assert.Equal((9L, 2L), (row.UploadRapidataCalls, row.UploadRapidataRetries));

        await ledger.RecordProgressAsync(new RunCheckpoint(runId, new RunProgress(RunPhase.WaitingForCrowd, 3, 3), At));
        Assert.Equal(15L, (await ledger.GetAsync(runId))!.RapidataCalls); // a checkpoint without totals leaves them
    }

    [Fact]
    public async Task RecordDataset_ErrorsThenNone_ClearsTheErrorColumn()
    {
        var (ledger, runId) = await NewRunAsync();

        await ledger.RecordDatasetAsync(runId, Dataset(errors: "row 3: no image"));
        Assert.Equal("row 3: no image", (await ledger.GetAsync(runId))!.Error);
        await ledger.RecordDatasetAsync(runId, Dataset(errors: null));

        var raw = await RawRowAsync(runId);
        Assert.False(raw.ContainsKey(nameof(PreferenceRunEntity.Error)));
        Assert.Equal(12, raw.GetInt32(nameof(PreferenceRunEntity.MatchupCount)));
    }

    [Fact]
    public async Task Cancel_RunningRun_EndsItOnceAndStoresEnumsByName()
    {
        var (ledger, runId) = await NewRunAsync();
        await ledger.RecordProgressAsync(new RunCheckpoint(runId, new RunProgress(RunPhase.WaitingForCrowd, 3, 3, OrderState.Processing), At));

        var cancelled = await ledger.CancelAsync(runId, "Cancelled over the API", At.AddMinutes(1));
        await ledger.RecordProgressAsync(new RunCheckpoint(runId, new RunProgress(RunPhase.Failed, 0, 3, Message: "boom"), At.AddMinutes(2)));

        Assert.Equal(RunStatus.Cancelled, cancelled!.Status);
        var raw = await RawRowAsync(runId);
        Assert.Equal("Cancelled", raw.GetString(nameof(PreferenceRunEntity.Status)));
        Assert.Equal("Cancelled", raw.GetString(nameof(PreferenceRunEntity.Phase)));
        Assert.Equal("Processing", raw.GetString(nameof(PreferenceRunEntity.OrderState)));
        Assert.Equal("Cancelled over the API", raw.GetString(nameof(PreferenceRunEntity.Error)));
    }

    [Fact]
    public async Task Cancel_UnknownRun_ReturnsNullAndCreatesNoRow()
    {
        var (ledger, runId) = await NewRunAsync(claim: false);

        Assert.Null(await ledger.CancelAsync(runId, "nothing to cancel", At));
        Assert.Null(await ledger.GetAsync(runId));
    }

    [Fact]
    public async Task TryClaim_SecondStarter_LosesTheClaim()
    {
        var (ledger, runId) = await NewRunAsync(claim: false);

        var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ledger.TryClaimAsync(runId, "datasets", "set", At)));

        Assert.Equal(1, claims.Count(c => c));
        Assert.Equal((RunStatus.Pending, RunPhase.Pending), ((await ledger.GetAsync(runId))!.Status, (await ledger.GetAsync(runId))!.Phase));
    }

    private static RunDataset Dataset(string? errors) => new()
    {
        MatchupCount = 12,
        ImageCount = 24,
        ChunkCount = 1,
        Models = ["flux", "sd"],
        ValidationBlob = "run/validation.json",
        Criteria = "Which image fits the description better?",
        ResponsesPerMatchup = 15,
        Errors = errors,
    };

    private static async Task<(RunLedger Ledger, string RunId)> NewRunAsync(bool claim = true)
    {
        var storage = StorageConnection.FromConnectionString(await Azurite.GetConnectionStringAsync());
        await storage.Tables.CreateTableIfNotExistsAsync(TableNames.PreferenceRuns);
        var ledger = new RunLedger(storage);
        var runId = UniqueName.For("ledger");
        if (claim) Assert.True(await ledger.TryClaimAsync(runId, "datasets", "set", At));
        return (ledger, runId);
    }

    private static async Task<TableEntity> RawRowAsync(string runId)
    {
        var storage = StorageConnection.FromConnectionString(await Azurite.GetConnectionStringAsync());
        var table = storage.Tables.GetTableClient(TableNames.PreferenceRuns);
        return (await table.GetEntityAsync<TableEntity>(PreferenceRunEntity.Partition, runId)).Value;
    }
}
