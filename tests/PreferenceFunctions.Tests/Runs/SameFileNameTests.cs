using System.IO.Compression;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Collect;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Rapidata keys votes by upload file name; two images of a pair sharing a file name must not collide.</summary>
public sealed class SameFileNameTests
{
    [Fact]
    public async Task Run_PairsOfModelFoldersWithEqualFileNames_CompletesWithVotesOnTheRightImages()
    {
        var folder = Directory.CreateTempSubdirectory("same-names-").FullName;
        try
        {
            using (var zip = ZipFile.OpenRead(Path.Combine(RunHarness.SamplePath, "images.zip")))
            {
                var pngs = zip.Entries.Where(e => e.Name.EndsWith(".png", StringComparison.Ordinal)).Take(12).ToList();
                var lines = new List<string> { "prompt,image1,image2" };
                for (var i = 0; i < 6; i++)
                {
                    foreach (var (model, entry) in new[] { ("alpha", pngs[2 * i]), ("beta", pngs[2 * i + 1]) })
                    {
                        Directory.CreateDirectory(Path.Combine(folder, "images", model));
                        entry.ExtractToFile(Path.Combine(folder, "images", model, $"{i:D3}.png"));
                    }
                    lines.Add($"prompt {i},alpha/{i:D3}.png,beta/{i:D3}.png");
                }
                await File.WriteAllLinesAsync(Path.Combine(folder, "matchups.csv"), lines);
            }
            await using var harness = await RunHarness.StartAsync(e => e.Crowd.ModelStrengths["alpha"] = 20);
            var etag = await harness.UploadDatasetAsync(folder, "same-names");

            var start = await harness.StartRunAsync("same-names", etag);
            var done = await harness.WaitAsync(start.RunId);

            RunHarness.AssertOutcome(done, RunPhase.Completed);
            var rows = await harness.Storage.Tables.GetTableClient(TableNames.MatchupResults)
                .QueryAsync<MatchupResultEntity>(e => e.PartitionKey == start.RunId).ToListAsync();
            Assert.Equal(6, rows.Count);
            Assert.All(rows, r => Assert.Equal(("alpha", "beta"), (r.Model1, r.Model2)));
            // alpha is 20x stronger in the simulated crowd: if votes were attached to the wrong image, beta would lead.
            Assert.True(rows.Sum(r => r.Votes1) > 2 * rows.Sum(r => r.Votes2), $"alpha {rows.Sum(r => r.Votes1)} vs beta {rows.Sum(r => r.Votes2)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
