using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Collect;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>With URL inputs enabled, images given by URL are fetched by Rapidata (POST /asset/url), not uploaded by us.</summary>
public sealed class UrlInputTests
{
    [Fact]
    public async Task Run_ImagesByUrlWithUrlInputsEnabled_CompletesThroughAssetUrl()
    {
        var folder = Directory.CreateTempSubdirectory("url-inputs-").FullName;
        try
        {
            var lines = new List<string> { "prompt,image1,image2" };
            for (var i = 0; i < 5; i++)
                lines.Add($"prompt {i},https://images.example.org/flux/flux_{i}_0.png,https://images.example.org/sd/stable_diffusion_{i}_1.png");
            await File.WriteAllLinesAsync(Path.Combine(folder, "matchups.csv"), lines);
            await using var harness = await RunHarness.StartAsync(
                settings: new Dictionary<string, string?> { ["Preference:Datasets:AllowUrlInputs"] = "true" });
            var etag = await harness.UploadDatasetAsync(folder, "by-url");

            var done = await harness.WaitAsync((await harness.StartRunAsync("by-url", etag)).RunId);

            var result = RunHarness.AssertOutcome(done, RunPhase.Completed);
            Assert.Equal(10, harness.Emulator.Requests.Entries.Count(r =>
                r.Method == "POST" && r.Path.StartsWith("/asset/url?url=https", StringComparison.Ordinal) && r.Status == 200));
            Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Path.StartsWith("/asset/file", StringComparison.Ordinal));
            var rows = await harness.Storage.Tables.GetTableClient(TableNames.MatchupResults)
                .QueryAsync<MatchupResultEntity>(e => e.PartitionKey == result.RunId).ToListAsync();
            Assert.Equal(5, rows.Count);
            Assert.All(rows, r => Assert.Equal(("flux", "sd"), (r.Model1, r.Model2)));
            Assert.All(rows, r => Assert.True(r.Votes1 + r.Votes2 > 0));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
