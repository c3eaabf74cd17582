using System.Text;
using System.Text.Json;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>A job-flow run's result names its job (the order the crowd works on) and, apart, its dataset.</summary>
public sealed class JobFlowRunResultTests
{
    [Fact]
    public async Task Run_JobFlow_ResultAndEventsCarryTheJobIdAndTheDatasetApart()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "jobs");

        var start = await harness.StartRunAsync("jobs", etag);
        var result = RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);

        var row = (await harness.RunRowAsync(start.RunId))!;
        Assert.NotEqual(row.JobId, row.RapidataDatasetId);
        Assert.Equal((row.JobId, row.RapidataDatasetId), (result.OrderId, result.DatasetId));
        var queue = harness.Storage.Queues.GetQueueClient(harness.Configuration["Notifications:QueueName"]);
        var messages = await Eventually.GetAsync(async () => (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value,
            received => received.Length > 0, TimeSpan.FromSeconds(10), "the run's events on the queue");
        var completed = messages.Select(m => JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText))).RootElement)
            .Single(e => e.GetProperty("type").GetString() == "preference.run.completed");
        Assert.Equal(row.JobId, completed.GetProperty("data").GetProperty("orderId").GetString());
    }

    [Theory]
    [InlineData("true", null)]
    [InlineData("""{"jobId":"job-1"}""", "job-1")]
    [InlineData("""{"JobId":null}""", null)]
    public void SubmitOrderResult_HistoryOfEarlierAndCurrentRuns_Reads(string json, string? jobId)
    {
        var read = JsonSerializer.Deserialize<SubmitOrderResult>(json)!;

        Assert.Equal(jobId, read.JobId);
        Assert.Equal(read, JsonSerializer.Deserialize<SubmitOrderResult>(JsonSerializer.Serialize(read)));
    }
}
