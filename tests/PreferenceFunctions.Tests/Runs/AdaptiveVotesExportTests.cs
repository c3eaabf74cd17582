using System.Text.Json;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>An adaptive run's votes.parquet holds every round's votes, each row with its round.</summary>
public sealed class AdaptiveVotesExportTests
{
    private const string PairsOrder = """
        { "name": "adaptive", "responsesPerMatchup": 5,
          "adaptive": { "rounds": 3, "extraResponses": 4, "maxExtraVotes": 120, "stop": "pairs" } }
        """;

    [Fact]
    public async Task Run_AdaptiveRounds_VotesExportHasEveryRoundsVotesWithItsRound()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(SampleCopy.With(PairsOrder), "adaptive");

        var start = await harness.StartRunAsync("adaptive", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);

        var run = (await harness.RunRowAsync(start.RunId))!;
        Assert.True(run.Rounds >= 2, $"Expected a follow-up round: {run.RoundsSummary}");
        // Independently of the pipeline: the votes of each round's results document.
        var expected = new SortedDictionary<int, int>();
        for (var round = 1; round <= run.Rounds; round++)
        {
            var name = round == 1 ? RunBlobs.Results(start.RunId) : RoundBlobs.Results(start.RunId, round);
            using var document = JsonDocument.Parse((await harness.Runs.GetBlobClient(name).DownloadContentAsync()).Value.Content);
            expected[round] = document.RootElement.GetProperty("results").EnumerateArray()
                .Sum(e => e.GetProperty("aggregatedResults").EnumerateObject().Sum(p => p.Value.GetInt32()));
        }
        using var parquet = new MemoryStream();
        await harness.Runs.GetBlobClient(RunBlobs.Votes(start.RunId)).DownloadToAsync(parquet);
        parquet.Position = 0;
        var rows = await VotesParquet.ReadAsync(parquet).ToListAsync();

        Assert.Equal(expected, new SortedDictionary<int, int>(rows.GroupBy(r => r.Round).ToDictionary(g => g.Key, g => g.Count())));
        Assert.Equal(40 * 5 + run.ExtraVotes, rows.Count);
        Assert.All(rows, r => Assert.Equal(start.RunId, r.RunId));
    }
}
