using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

public sealed class CrowdTests
{
    private static EmulatorOptions Crowd(int seed = 42, double noise = 0, double lowScoreShare = 0) => new()
    {
        Crowd =
        {
            VotesPerSecond = 0,
            ReviewDelay = TimeSpan.Zero,
            Seed = seed,
            ImageNoise = noise,
            LowScoreVoterShare = lowScoreShare,
            ModelStrengths = new(StringComparer.OrdinalIgnoreCase) { ["strong"] = 2.0, ["weak"] = 1.0 },
        },
    };

    [Fact]
    public async Task Votes_TwoToOneStrength_StrongerModelWinsAboutTwoThirds()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Crowd());
        using var api = await ApiClient.ConnectAsync(emulator);

        // Strong on the left for half the pairs and on the right for the other half, so position bias would show.
        var pairs = Enumerable.Range(0, 200)
            .Select(i => i % 2 == 0 ? ($"strong_{i:D3}.png", $"weak_{i:D3}.png") : ($"weak_{i:D3}.png", $"strong_{i:D3}.png"))
            .ToList();
        var results = await RunAsync(api, CompareOrders.CreateOrderBody("bradley-terry"), pairs);

        var votes = AllVotes(results).ToList();
        var strongShare = votes.Count(v => v.StartsWith("strong", StringComparison.Ordinal)) / (double)votes.Count;
        Assert.Equal(200 * 15, votes.Count);
        Assert.InRange(strongShare, 0.63, 0.70); // 2/(2+1); sd over 3,000 votes is about 0.009
    }

    [Fact]
    public async Task Votes_LowScoreRandomVoters_CarryLowerUserScoresAndDiluteTheStrongerModel()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Crowd(lowScoreShare: 0.5));
        using var api = await ApiClient.ConnectAsync(emulator);

        var results = await RunAsync(api, CompareOrders.CreateOrderBody("noisy crowd"), CompareOrders.Pairs(100, "strong", "weak"));

        var details = results["results"]!.AsArray().SelectMany(r => r!["detailedResults"]!.AsArray()).ToList();
        var scores = details.Select(d => d!["userDetails"]!["userScores"]!["global"]!.GetValue<double>()).ToList();
        var strongShare = details.Count(d => d!["votedFor"]!.GetValue<string>().StartsWith("strong", StringComparison.Ordinal)) / (double)details.Count;
        Assert.Contains(scores, s => s < 0.4);
        Assert.Contains(scores, s => s > 0.55);
        Assert.InRange(strongShare, 0.54, 0.62); // half the crowd at 1/2, half at 2/3: about 0.583
    }

    [Fact]
    public async Task Votes_SameSeed_SameVotes_OtherSeed_OtherVotes()
    {
        var pairs = CompareOrders.Pairs(30, "strong", "weak");
        var first = await RunOnNewEmulatorAsync(Crowd(seed: 7, noise: 0.3, lowScoreShare: 0.1), pairs);
        var again = await RunOnNewEmulatorAsync(Crowd(seed: 7, noise: 0.3, lowScoreShare: 0.1), pairs);
        var other = await RunOnNewEmulatorAsync(Crowd(seed: 8, noise: 0.3, lowScoreShare: 0.1), pairs);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Votes_CompareUnsureFlag_AddsBothAndNeitherVotes()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Crowd());
        using var api = await ApiClient.ConnectAsync(emulator);

        var results = await RunAsync(api, CompareOrders.CreateOrderBody("unsure", allowUnsure: true), CompareOrders.Pairs(40));

        var entry = results["results"]![0]!;
        var votes = AllVotes(results).ToList();
        Assert.Equal(["modela_0000.png", "modelb_0000.png", "Both", "Neither"], entry["aggregatedResults"]!.AsObject().Select(p => p.Key));
        Assert.Contains("Both", votes);
        Assert.Contains("Neither", votes);
    }

    [Fact]
    public async Task Votes_QuorumReferee_StopsWhenOneSideReachesTheThreshold()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Crowd());
        using var api = await ApiClient.ConnectAsync(emulator);
        var referee = new JsonObject { ["_t"] = "QuorumReferee", ["maxVotes"] = 10, ["threshold"] = 7 };

        var results = await RunAsync(api, CompareOrders.CreateOrderBody("quorum", referee), CompareOrders.Pairs(40, "strong", "weak"));

        foreach (var entry in results["results"]!.AsArray())
        {
            var counts = entry!["aggregatedResults"]!.AsObject().Select(c => c.Value!.GetValue<int>()).ToArray();
            Assert.True(counts.Max() == 7 || counts.Min() >= 4, $"quorum not honoured: {string.Join("/", counts)}");
            Assert.InRange(counts.Sum(), 7, 10);
        }
    }

    [Fact]
    public async Task Votes_EarlyStoppingReferee_UnanimousPairsStopBeforeMaxVotes()
    {
        var options = Crowd();
        options.Crowd.ModelStrengths["strong"] = 1000;
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);
        var referee = new JsonObject { ["_t"] = "EarlyStoppingReferee", ["maxVotes"] = 30, ["threshold"] = 0.99 };

        var results = await RunAsync(api, CompareOrders.CreateOrderBody("early", referee), CompareOrders.Pairs(10, "strong", "weak"));

        var totals = results["results"]!.AsArray().Select(r => r!["detailedResults"]!.AsArray().Count).ToList();
        Assert.All(totals, total => Assert.InRange(total, 1, 29));
    }

    [Fact]
    public async Task Strength_ModelMatchedByFolder_FolderModelWins()
    {
        var options = Crowd();
        options.Crowd.ModelStrengths["strong"] = 1000;
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);

        var results = await RunAsync(api, CompareOrders.CreateOrderBody("folders"), [("weak/001.png", "strong/001.png")]);

        Assert.Equal("strong/001.png", results["results"]![0]!["winner"]!.GetValue<string>());
        Assert.Equal(1, results["summary"]!["B_wins_total"]!.GetValue<int>());
    }

    private static async Task<string> RunOnNewEmulatorAsync(EmulatorOptions options, List<(string A, string B)> pairs)
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(emulator);
        var results = await RunAsync(api, CompareOrders.CreateOrderBody("determinism"), pairs);
        results["info"]!.AsObject().Remove("createdAt");
        return results.ToJsonString();
    }

    private static async Task<JsonNode> RunAsync(ApiClient api, JsonObject order, IReadOnlyList<(string A, string B)> pairs)
    {
        var ids = await CompareOrders.SubmitNewAsync(api, order, pairs);
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Completed");
        return await CompareOrders.DownloadResultsAsync(api, ids.OrderId);
    }

    private static IEnumerable<string> AllVotes(JsonNode results) =>
        results["results"]!.AsArray().SelectMany(r => r!["detailedResults"]!.AsArray()).Select(d => d!["votedFor"]!.GetValue<string>());
}
