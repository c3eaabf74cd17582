using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Api;
using PreferenceFunctions.Tests.Functions;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>
/// Re-uploading a byte-identical dataset does not order and pay again, unless order.json says "rerun": true: the completed
/// run answers for the new one (status API), and the user's blobs stay where they are.
/// </summary>
public sealed class RepeatedDatasetTests
{
    [Fact]
    public async Task Reupload_IdenticalToACompletedRun_AnsweredByThatRunUnlessRerun()
    {
        await using var harness = await RunHarness.StartAsync();
        var first = await harness.StartRunAsync("repeat", await harness.UploadDatasetAsync(RunHarness.SamplePath, "repeat"));
        RunHarness.AssertOutcome(await harness.WaitAsync(first.RunId), RunPhase.Completed);

        var again = await harness.StartRunAsync("repeat", await harness.UploadDatasetAsync(RunHarness.SamplePath, "repeat"));
        var repeated = await harness.WaitAsync(again.RunId);

        Assert.NotEqual(first.RunId, again.RunId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, repeated.RuntimeStatus);
        var row = (await harness.RunRowAsync(again.RunId))!;
        Assert.Equal(RunStatus.Completed, row.Status); // not Rejected: the dataset is fine, and already answered
        Assert.Equal(first.RunId, row.SameAsRun);
        Assert.Contains($"Identical to run {first.RunId}", row.Message);
        Assert.Null(row.OrderId); // nothing ordered, nothing paid
        using var emulator = new HttpClient { BaseAddress = harness.Emulator.BaseUrl };
        Assert.Single((await emulator.GetFromJsonAsync<List<JsonElement>>("_emulator/orders"))!);
        var report = await new ManifestStore(harness.Storage.Blobs).ReadReportAsync(harness.RunsContainer, $"{again.RunId}/validation.json");
        Assert.Contains(report.Problems, p => p.Message.Contains($"identical to run {first.RunId}", StringComparison.Ordinal));
        Assert.True(await harness.Datasets.GetBlobClient("repeat/matchups.csv").ExistsAsync()); // the user's blobs stay

        var request = HttpCall.Request(harness.Services, "GET");
        await (await harness.Services.GetRequiredService<RunsApi>().GetAsync(again.RunId, harness.Client, CancellationToken.None))
            .ExecuteAsync(request.HttpContext);
        request.HttpContext.Response.Body.Position = 0;
        var view = HttpCall.Json(await new StreamReader(request.HttpContext.Response.Body).ReadToEndAsync());
        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Equal(first.RunId, view.GetProperty("runId").GetString());
        Assert.Equal(again.RunId, view.GetProperty("requestedRunId").GetString());
        Assert.Equal("Completed", view.GetProperty("status").GetString());
        Assert.Contains($"this is run {first.RunId}", view.GetProperty("note").GetString());

        var order = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RunHarness.SamplePath, "order.json")))!.AsObject();
        order["rerun"] = true;
        await harness.Datasets.GetBlobClient("repeat/order.json").UploadAsync(BinaryData.FromString(order.ToJsonString()), overwrite: true);
        var csv = await harness.Datasets.GetBlobClient("repeat/matchups.csv").UploadAsync(Path.Combine(RunHarness.SamplePath, "matchups.csv"), overwrite: true);
        var rerun = await harness.StartRunAsync("repeat", csv.Value.ETag.ToString());

        RunHarness.AssertOutcome(await harness.WaitAsync(rerun.RunId), RunPhase.Completed);
    }
}
