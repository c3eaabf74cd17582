using System.Text.Json;
using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Pipeline.Tests.Analysis;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Leaderboard;

/// <summary>The Leaderboards table on Azurite: runs added one after another, removed, added twice.</summary>
public sealed class LeaderboardStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private TableClient _table = null!;
    private LeaderboardStore _store = null!;

    public async Task InitializeAsync()
    {
        _table = new TableClient(await Azurite.GetConnectionStringAsync(), UniqueName.For("leaderboards"));
        await _table.CreateAsync();
        _store = new LeaderboardStore(_table, AnalysisOptions.Default);
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    /// <summary>Records holding lists compare by reference; their JSON compares by content.</summary>
    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static IReadOnlyList<LeaderboardPair> RunA() =>
        LeaderboardPair.FromMatchups(PreferenceAnalyzer.Analyze(PairCountAnalyzerTests.FourModels()).Matchups);

    /// <summary>Run B brings a new model against the incumbents only, and more votes on an old pair.</summary>
    private static IReadOnlyList<LeaderboardPair> RunB() =>
        LeaderboardPair.FromMatchups(PreferenceAnalyzer.Analyze(
        [
            .. Outcomes.Pair("newcomer", "flux", 45, 55, 10),
            .. Outcomes.Pair("newcomer", "mj", 60, 40, 10),
            .. Outcomes.Pair("flux", "sd3", 20, 30, 5),
        ]).Matchups);

    private static IReadOnlyList<PairCountScore> OneFit(params IReadOnlyList<LeaderboardPair>[] runs) =>
        PairCountAnalyzer.Analyze([.. LeaderboardPair.Sum(runs.SelectMany(r => r)).Select(p => p.ToCounts())]);

    [Fact]
    public async Task AddRun_AThenB_EqualsOneFitOfAAndBTogether()
    {
        await _store.AddRunAsync("weekly", "run-a", RunA(), At);
        var change = await _store.AddRunAsync("weekly", "run-b", RunB(), At.AddDays(7));

        var board = change!.Board!;
        Assert.Equal(OneFit(RunA(), RunB()), board.Models);
        Assert.Equal(["run-a", "run-b"], board.Runs.Select(r => r.RunId));
        Assert.Equal(RunA().Sum(p => p.Votes) + RunB().Sum(p => p.Votes), board.Votes);
        Assert.Equal(2, board.Version);
        var fluxSd3 = board.Pairs.Single(p => (p.Model1, p.Model2) == ("flux", "sd3"));
        Assert.Equal((80L, 70L), (fluxSd3.Wins, fluxSd3.Losses));
        Assert.Equal(2, fluxSd3.Runs);
        Assert.Equal(1, board.Pairs.Single(p => (p.Model1, p.Model2) == ("flux", "newcomer")).Runs);
        Assert.Equal((2, 1), (board.RunsPerModel["flux"], board.RunsPerModel["newcomer"]));
        Assert.Equal(Json(board), Json(await _store.GetAsync("weekly")));
    }

    [Fact]
    public async Task RemoveRun_B_RestoresTheFitWithoutIt()
    {
        await _store.AddRunAsync("weekly", "run-a", RunA(), At);
        var onlyA = (await _store.GetAsync("weekly"))!;
        await _store.AddRunAsync("weekly", "run-b", RunB(), At);

        var change = await _store.RemoveRunAsync("weekly", "run-b", At.AddHours(1));

        var board = change!.Board!;
        Assert.Equal(onlyA.Models, board.Models);
        Assert.Equal(Json(onlyA.Pairs), Json(board.Pairs));
        Assert.DoesNotContain(board.Models, m => m.Model == "newcomer");
        Assert.DoesNotContain("newcomer", board.RunsPerModel.Keys);
        Assert.Equal(["run-a"], board.Runs.Select(r => r.RunId));
        Assert.Equal(3, board.Version);
        Assert.Null(await _store.RemoveRunAsync("weekly", "run-b", At.AddHours(2)));
    }

    [Fact]
    public async Task AddRun_Twice_CountsOnce()
    {
        await _store.AddRunAsync("weekly", "run-a", RunA(), At);
        var before = await _store.GetAsync("weekly");

        var again = await _store.AddRunAsync("weekly", "run-a", RunA(), At.AddMinutes(5));

        Assert.Null(again);
        Assert.Equal(Json(before), Json(await _store.GetAsync("weekly")));
        Assert.Equal(RunA().Sum(p => p.Votes), before!.Votes);
    }

    [Fact]
    public async Task ListAsync_TwoLeaderboards_BothListedApart()
    {
        await _store.AddRunAsync("weekly", "run-a", RunA(), At);
        await _store.AddRunAsync("newcomers", "run-b", RunB(), At);

        var list = (await _store.ListAsync()).OrderBy(b => b.Name).ToList();

        Assert.Equal(["newcomers", "weekly"], list.Select(b => b.Name));
        Assert.Equal([4, 4], list.Select(b => b.Models));
        Assert.Equal([1, 1], list.Select(b => b.Runs));
        Assert.Null(await _store.GetAsync("monthly"));
    }

    [Fact]
    public void ToPair_SummedRowOfAnEarlierVersion_CountsTheRunsItListed()
    {
        var row = new LeaderboardPairEntity { Model1 = "flux", Model2 = "sd3", Splits = "3:2:1", Runs = "run-a,run-b,run-c" };

        Assert.Equal(3, row.ToPair().Runs);
    }
}
