using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Local.Watching;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>
/// Hosts never disturb each other's runs: a host judges only the trigger claims of its own task hub, and the demo keeps to
/// storage of its own while a <c>serve</c> runs on the shared Azurite.
/// </summary>
public sealed class HostIsolationTests
{
    /// <summary>Older than the one minute after which an own claim without a run counts as abandoned.</summary>
    private static readonly TimeSpan AgedClaim = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task OnBlobVersion_AgedClaimOfServeOnAnotherTaskHub_LeavesServesRunAlone()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await harness.StartHostAsync();
        var upload = await harness.DropSampleAsync();
        var before = await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(3));
        Assert.Equal(RunStatus.Completed, before!.Status);
        var claims = harness.Storage.Tables.GetTableClient(TableNames.DatasetTriggers);
        var claim = await AgeClaimAsync(claims, harness.DatasetsContainer, upload.Dataset);
        var otherHub = "t" + UniqueName.For("other");
        await using var other = await harness.StartInProcessHostAsync(watch: false, taskHub: otherHub);

        var start = await other.Services.GetRequiredService<DatasetTriggers>()
            .OnBlobVersionAsync(harness.DatasetsContainer, $"{upload.Dataset}/matchups.csv", upload.CsvETag, CancellationToken.None);

        Assert.False(start!.Started);
        Assert.Equal(upload.RunId, start.RunId);
        var after = await ClaimAsync(claims, harness.DatasetsContainer, upload.Dataset);
        Assert.Equal(harness.TaskHub, after.TaskHub);
        Assert.Equal(claim.TriggeredAt, after.TriggeredAt);
        Assert.Null(await other.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(upload.RunId));
        AssertUnchanged(before, await harness.Runs.GetAsync(upload.RunId));
        Assert.Single(await harness.OrdersAsync());
    }

    [Theory]
    [InlineData("own", true)]
    [InlineData("other", false)]
    [InlineData("", false)] // written before claims carried their task hub
    public async Task OnBlobVersion_AgedClaimWithoutRun_TakenOverOnlyByItsOwnTaskHub(string claimedBy, bool expectedStarted)
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        var upload = await harness.DropSampleAsync();
        var claims = harness.Storage.Tables.GetTableClient(TableNames.DatasetTriggers);
        var hub = claimedBy switch { "own" => harness.TaskHub, "other" => "OtherHub", _ => "" };
        await claims.CreateIfNotExistsAsync();
        await claims.UpsertEntityAsync(new DatasetTriggerEntity
        {
            PartitionKey = harness.DatasetsContainer, RowKey = TableKeys.Escape($"{upload.Dataset}/matchups.csv"),
            BlobETag = upload.CsvETag.Trim('"'), RunId = upload.RunId, TaskHub = hub,
            TriggeredAt = DateTimeOffset.UtcNow - AgedClaim,
        });

        var start = await host.Services.GetRequiredService<DatasetTriggers>()
            .OnBlobVersionAsync(harness.DatasetsContainer, $"{upload.Dataset}/matchups.csv", upload.CsvETag, CancellationToken.None);

        Assert.Equal(expectedStarted, start!.Started);
        var after = await ClaimAsync(claims, harness.DatasetsContainer, upload.Dataset);
        Assert.Equal(expectedStarted ? harness.TaskHub : hub, after.TaskHub);
        Assert.Equal(expectedStarted, await harness.Runs.GetAsync(upload.RunId) is not null);
    }

    [Fact]
    public async Task Demo_WhileServeRunsOnTheSameAzurite_BothCompleteAndServesRunsUnchanged()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await harness.StartHostAsync();
        var first = await harness.DropSampleAsync("serve-first");
        var before = await harness.WaitForEndAsync(first.RunId, TimeSpan.FromMinutes(3));
        Assert.Equal(RunStatus.Completed, before!.Status);
        var claims = harness.Storage.Tables.GetTableClient(TableNames.DatasetTriggers);
        var claim = await AgeClaimAsync(claims, harness.DatasetsContainer, first.Dataset); // as if serve had run for a while
        var output = Directory.CreateTempSubdirectory("demo-isolation-");
        var console = new StringWriter();
        var settings = new DemoSettings(Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset),
            PipelineHarness.SampleDataset, output.FullName, TimeSpan.FromMinutes(5));

        // The user's settings name serve's storage and containers, as on a machine where serve runs: the demo must keep out.
        var userSettings = new Dictionary<string, string>
        {
            [StorageConnection.SettingName] = harness.ConnectionString,
            ["Preference__DatasetsContainer"] = harness.DatasetsContainer,
            ["Preference__RunsContainer"] = harness.RunsContainer,
        };
        var saved = userSettings.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        int demoExit;
        DatasetUpload second;
        try
        {
            foreach (var (name, value) in userSettings) Environment.SetEnvironmentVariable(name, value);
            var demo = new DemoRunner(DemoTests.PlainConsole(console)).RunAsync(settings, CancellationToken.None);
            second = await harness.DropSampleAsync("serve-second"); // serve keeps working while the demo runs
            demoExit = await demo;
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
        var secondRun = await harness.WaitForEndAsync(second.RunId, TimeSpan.FromMinutes(3));

        Assert.True(demoExit == 0, console.ToString());
        Assert.True(File.Exists(Path.Combine(output.FullName, "results.json")));
        Assert.Equal(RunStatus.Completed, secondRun!.Status);
        AssertUnchanged(before, await harness.Runs.GetAsync(first.RunId));
        var claimAfter = await ClaimAsync(claims, harness.DatasetsContainer, first.Dataset);
        Assert.Equal((claim.TaskHub, claim.TriggeredAt, claim.RunId), (claimAfter.TaskHub, claimAfter.TriggeredAt, claimAfter.RunId));
        Assert.Equal(2, (await harness.OrdersAsync()).Count); // serve's two runs; the demo had its own emulator
        var folders = new List<string>();
        var datasets = harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer);
        await foreach (var item in datasets.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, CancellationToken.None))
            folders.Add(item.Prefix);
        Assert.Equal(["serve-first/", "serve-second/"], folders);
        Assert.Contains("the demo's own", console.ToString());
        output.Delete(recursive: true);
    }

    private static void AssertUnchanged(PreferenceRunEntity before, PreferenceRunEntity? after)
    {
        Assert.NotNull(after);
        Assert.Equal((before.Status, before.OrderId, before.StartedAt, before.CompletedAt, before.TotalVotes, before.Error),
            (after.Status, after.OrderId, after.StartedAt, after.CompletedAt, after.TotalVotes, after.Error));
    }

    private static async Task<DatasetTriggerEntity> ClaimAsync(TableClient claims, string container, string dataset) =>
        (await claims.GetEntityAsync<DatasetTriggerEntity>(container, TableKeys.Escape($"{dataset}/{RunStarter.CsvFileName}"))).Value;

    /// <summary>Moves the claim's time back, as if its run had started long ago.</summary>
    private static async Task<DatasetTriggerEntity> AgeClaimAsync(TableClient claims, string container, string dataset)
    {
        var claim = await ClaimAsync(claims, container, dataset);
        claim.TriggeredAt -= AgedClaim;
        await claims.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace);
        return await ClaimAsync(claims, container, dataset);
    }
}
