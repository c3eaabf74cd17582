using System.Text.Json;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>kill -9 of the host while an adaptive run is in round 2: a restarted host finishes it, one order per round.</summary>
public sealed class AdaptiveCrashTests
{
    // Every model equally strong (the emulator's default): most pairs stay close, so every round has work to do.
    private const string AdaptiveOrder = """
        { "name": "adaptive crash", "criteria": "Which image fits the description better?", "responsesPerMatchup": 5, "flow": "orders",
          "adaptive": { "rounds": 3, "extraResponses": 4, "maxExtraVotes": 120, "stop": "pairs" } }
        """;

    [Fact]
    public async Task HostKilled_DuringRoundTwo_RunCompletesOnceWithOneOrderPerRound()
    {
        await using var harness = await PipelineHarness.StartAsync(votesPerSecond: 20);
        var first = await harness.StartHostAsync();
        var upload = await harness.DropSampleAsync("adaptive-crash", SampleWith(AdaptiveOrder));
        // Kill 1: round 2 is being planned and created (its sub-orchestration recorded its first step on the row).
        await harness.WaitForRunAsync(upload.RunId, r => r.Message?.StartsWith("Round 2", StringComparison.Ordinal) == true,
            TimeSpan.FromMinutes(2), "round 2 to start");
        first.Kill();
        harness.Emulator.Options.Crowd.VotesPerSecond = 1; // round 2's crowd is slow: the next kill lands inside its wait

        // Kill 2: round 2's order is submitted and the round waits for its crowd.
        var second = await harness.StartHostAsync();
        await Eventually.GetAsync(() => RoundOrderStateAsync(harness, 2),
            state => state is "Submitted" or "ManualReview" or "Queued" or "Processing",
            TimeSpan.FromMinutes(2), "round 2's order to be submitted");
        second.Kill();
        harness.Emulator.Options.Crowd.VotesPerSecond = 50;

        await harness.StartHostAsync();
        var run = await harness.WaitForEndAsync(upload.RunId, TimeSpan.FromMinutes(4));

        Assert.Equal(RunStatus.Completed, run!.Status);
        Assert.True(run.Rounds >= 2, $"Expected round 2 collected: {run.RoundsSummary}");
        var all = await harness.OrdersAsync();
        // An order created but not recorded before a kill is deleted (Cancelled) before the round creates its own; it
        // never collected a vote. Every other order is one round's: one each, none twice, none left unsubmitted.
        var deleted = all.Where(o => o.GetProperty("state").GetString() == "Cancelled").ToList();
        Assert.All(deleted, o => Assert.Equal(0, o.GetProperty("collectedVotes").GetInt64()));
        var orders = all.Except(deleted).ToList();
        var names = orders.Select(o => o.GetProperty("name").GetString()!).ToList();
        Assert.Equal(run.Rounds, orders.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        for (var round = 2; round <= run.Rounds; round++)
            Assert.Single(names, n => n.StartsWith($"adaptive crash round {round} ", StringComparison.Ordinal));
        Assert.All(orders, o => Assert.Equal("Completed", o.GetProperty("state").GetString()));

        // The merged votes per matchup equal the sum of every round's downloaded votes.
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var documents = new List<string> { RunBlobs.Results(upload.RunId) };
        documents.AddRange(Enumerable.Range(2, run.Rounds!.Value - 1).Select(r => RoundBlobs.Results(upload.RunId, r)));
        var runs = harness.Storage.Blobs.GetBlobContainerClient(harness.RunsContainer);
        foreach (var name in documents)
        {
            using var document = JsonDocument.Parse((await runs.GetBlobClient(name).DownloadContentAsync()).Value.Content);
            foreach (var entry in document.RootElement.GetProperty("results").EnumerateArray())
            {
                var id = entry.GetProperty("privateMetadata").GetProperty("matchupId").GetString()!;
                var votes = entry.GetProperty("aggregatedResults").EnumerateObject().Sum(p => p.Value.GetInt32());
                expected[id] = expected.GetValueOrDefault(id) + votes;
            }
        }
        var matchups = await harness.Results.ReadMatchupsAsync(upload.RunId, CancellationToken.None);
        Assert.Equal(40, matchups.Count);
        Assert.All(matchups, m => Assert.Equal(expected[m.Matchup.Id], m.Votes1 + m.Votes2 + m.BothVotes + m.NeitherVotes));
        Assert.Equal(orders.Sum(o => o.GetProperty("totalVotes").GetInt64()),
            matchups.Sum(m => (long)(m.Votes1 + m.Votes2 + m.BothVotes + m.NeitherVotes)));
    }

    /// <summary>The state of the emulator's order for <paramref name="round"/>, null while there is none.</summary>
    private static async Task<string?> RoundOrderStateAsync(PipelineHarness harness, int round) =>
        (await harness.OrdersAsync())
            .Where(o => o.GetProperty("name").GetString()!.StartsWith($"adaptive crash round {round} ", StringComparison.Ordinal))
            .Where(o => o.GetProperty("state").GetString() != "Cancelled") // one created before the kill and deleted after it
            .Select(o => o.GetProperty("state").GetString()).FirstOrDefault();

    private static string SampleWith(string orderJson)
    {
        var folder = Path.Combine(Path.GetTempPath(), "preference-sample-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var sample = Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset);
        foreach (var file in Directory.GetFiles(sample)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "order.json"), orderJson);
        return folder;
    }
}
