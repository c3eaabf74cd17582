using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Prompts over Rapidata's 400-character context limit: shortened through Rapidata before upload, or rejected.</summary>
public sealed class LongPromptRunTests
{
    private const string ShortPrompt = "a robot gardener beside a river, during a thunderstorm";

    private static readonly string LongPrompt = string.Concat(Enumerable.Repeat(
        "A robot gardener tends tomatoes beside a wide river while a thunderstorm rolls over the hills. ", 6)).Trim();

    [Theory]
    [InlineData(RapidataFlow.Jobs)]
    [InlineData(RapidataFlow.Orders)]
    public async Task Run_PromptOver400_ShortenedBeforeUploadAndOriginalKeptInTables(RapidataFlow flow)
    {
        await using var harness = await RunHarness.StartAsync(flow: flow);
        var etag = await harness.UploadDatasetAsync(SampleCopy.With(matchups: csv => csv.Replace(ShortPrompt, LongPrompt, StringComparison.Ordinal)), "long");

        var start = await harness.StartRunAsync("long", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        var rows = await harness.Storage.Tables.GetTableClient(TableNames.MatchupResults)
            .QueryAsync<MatchupResultEntity>(e => e.PartitionKey == start.RunId).ToListAsync();
        var shortened = rows.Where(r => r.ShortenedPrompt is not null).ToList();
        Assert.Equal(2, shortened.Count); // the sample has this prompt twice (rows 2 and 19)
        Assert.All(shortened, row =>
        {
            Assert.Equal(LongPrompt, row.Prompt);
            Assert.InRange(row.ShortenedPrompt!.Length, 1, 400);
            Assert.StartsWith("A robot gardener tends tomatoes", row.ShortenedPrompt, StringComparison.Ordinal);
        });
        Assert.All(rows.Where(r => r.ShortenedPrompt is null), row => Assert.True(row.Prompt!.Length <= 400));
        var shorten = Assert.Single(harness.Emulator.Requests.Entries, r => r.Path == "/datasets/shorten-context");
        Assert.Contains("Which image fits the description better?", shorten.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Path.EndsWith("/datapoint", StringComparison.Ordinal) && r.Status == 400);
        var report = await new ManifestStore(harness.Storage.Blobs).ReadReportAsync(harness.RunsContainer, RunBlobs.Validation(start.RunId));
        Assert.Contains(report.Problems, p => p.Code == "long-prompt" && p.Message.Contains("will be shortened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_PromptOver400WithRejectPolicy_RejectedAtValidationBeforeAnyRapidataCall()
    {
        await using var harness = await RunHarness.StartAsync(settings: new Dictionary<string, string?> { ["Preference:LongPrompts"] = "Reject" },
            flow: null);
        var etag = await harness.UploadDatasetAsync(SampleCopy.With(matchups: csv => csv.Replace(ShortPrompt, LongPrompt, StringComparison.Ordinal)), "long");

        var start = await harness.StartRunAsync("long", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Rejected);
        var report = await new ManifestStore(harness.Storage.Blobs).ReadReportAsync(harness.RunsContainer, RunBlobs.Validation(start.RunId));
        var problems = report.Problems.Where(p => p.Code == "long-prompt").ToList();
        Assert.Equal([2, 19], problems.Select(p => p.Row));
        Assert.All(problems, p => Assert.Contains("Preference__LongPrompts=Reject", p.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Path is "/dataset" or "/order");
    }
}
