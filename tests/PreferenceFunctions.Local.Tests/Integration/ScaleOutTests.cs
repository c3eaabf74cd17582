using Azure.Data.Tables;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Testing;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>Several local hosts on one storage account split the task hub's partitions and finish every run.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task TwoHosts_OneStorageAccount_ShareTheWork()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var first = await harness.StartHostAsync();
        var second = await harness.StartHostAsync();

        // Table partition management: the {hub}Partitions table names the host (machine-pid) owning each control queue.
        var partitions = harness.Storage.Tables.GetTableClient(harness.TaskHub + "Partitions");
        var owners = await Eventually.GetAsync(async () =>
        {
            var found = new HashSet<string>();
            await foreach (var row in partitions.QueryAsync<TableEntity>())
                if (row.GetString("CurrentOwner") is { Length: > 0 } owner) found.Add(owner);
            return found;
        }, found => found.Count == 2, TimeSpan.FromSeconds(90), "both hosts to own partitions");
        var uploads = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => harness.DropSampleAsync($"shared-{i}")));
        var statuses = new List<RunStatus?>();
        foreach (var upload in uploads) statuses.Add((await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(4)))!.Status);

        Assert.Contains(owners, o => o.EndsWith($"-{first.Id}", StringComparison.Ordinal));
        Assert.Contains(owners, o => o.EndsWith($"-{second.Id}", StringComparison.Ordinal));
        Assert.All(statuses, s => Assert.Equal(RunStatus.Completed, s));
        Assert.Equal(6, (await harness.OrdersAsync()).Count);
    }
}
