using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Re-uploading a byte-identical dataset does not order and pay again, unless order.json says "rerun": true.</summary>
public sealed class RepeatedDatasetTests
{
    [Fact]
    public async Task Reupload_IdenticalToACompletedRun_RejectedPointingAtItUnlessRerun()
    {
        await using var harness = await RunHarness.StartAsync();
        var first = await harness.StartRunAsync("repeat", await harness.UploadDatasetAsync(RunHarness.SamplePath, "repeat"));
        RunHarness.AssertOutcome(await harness.WaitAsync(first.RunId), RunPhase.Completed);

        var again = await harness.StartRunAsync("repeat", await harness.UploadDatasetAsync(RunHarness.SamplePath, "repeat"));
        var repeated = await harness.WaitAsync(again.RunId);

        Assert.NotEqual(first.RunId, again.RunId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, repeated.RuntimeStatus);
        var row = (await harness.RunRowAsync(again.RunId))!;
        Assert.Equal(RunStatus.Rejected, row.Status);
        var report = await new ManifestStore(harness.Storage.Blobs).ReadReportAsync(harness.RunsContainer, $"{again.RunId}/validation.json");
        Assert.Contains(report.Problems, p => p.Message.Contains($"identical to run {first.RunId}", StringComparison.Ordinal));
        Assert.Null(row.OrderId); // nothing ordered, nothing paid

        var order = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RunHarness.SamplePath, "order.json")))!.AsObject();
        order["rerun"] = true;
        await harness.Datasets.GetBlobClient("repeat/order.json").UploadAsync(BinaryData.FromString(order.ToJsonString()), overwrite: true);
        var csv = await harness.Datasets.GetBlobClient("repeat/matchups.csv").UploadAsync(Path.Combine(RunHarness.SamplePath, "matchups.csv"), overwrite: true);
        var rerun = await harness.StartRunAsync("repeat", csv.Value.ETag.ToString());

        RunHarness.AssertOutcome(await harness.WaitAsync(rerun.RunId), RunPhase.Completed);
    }
}
