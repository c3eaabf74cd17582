using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class PreferenceAnalyzerTests
{
    [Fact]
    public void Analyze_Matchups_RatioIsSeedsMaxOverSumAndRowsAreSortedByIt()
    {
        MatchupOutcome[] outcomes = [Outcomes.Of("m1", "flux", "sd3", 9, 6), Outcomes.Of("m2", "flux", "sd3", 2, 13), Outcomes.Of("m3", "flux", "sd3", 0, 0)];

        var analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: 0));

        Assert.Equal(["m2", "m1", "m3"], analysis.Matchups.Select(m => m.Matchup.Id));
        Assert.Equal(13.0 / 15, analysis.Matchups[0].Ratio, 12);
        Assert.Equal(9.0 / 15, analysis.Matchups[1].Ratio, 12);
        Assert.Equal(0, analysis.Matchups[2].Ratio);
        Assert.Equal("sd3", analysis.Matchups[0].Winner);
        var (low, high) = WilsonInterval.For(13, 15);
        Assert.Equal((low, high), (analysis.Matchups[0].CiLow, analysis.Matchups[0].CiHigh));
        Assert.True(analysis.Matchups[2].Tie);
        Assert.Equal("", analysis.Matchups[2].Winner);
    }

    [Fact]
    public void Analyze_WeightedVotesPickTheOtherImage_FlagsDisagreement()
    {
        var outcome = Outcomes.Of("m1", "flux", "sd3", 8, 7, weighted1: 3.1, weighted2: 5.9);

        var row = PreferenceAnalyzer.Analyze([outcome], new AnalysisOptions(BootstrapRounds: 0)).Matchups.Single();

        Assert.True(row.Disagreement);
        Assert.Equal("flux", row.Winner);
        Assert.Equal("sd3", row.WeightedWinner);
        Assert.False(row.Tie);
    }

    [Fact]
    public void Analyze_Models_CountVotesPairsAndWinRateLikeTheSeed()
    {
        MatchupOutcome[] outcomes = [Outcomes.Of("m1", "flux", "sd3", 9, 6), Outcomes.Of("m2", "flux", "sd3", 2, 13), Outcomes.Of("m3", "flux", "sd3", 5, 5)];

        var analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: 0));

        var flux = analysis.Model("flux");
        Assert.Equal((16, 3, 1, 1), (flux.Votes, flux.Pairs, flux.PairsWon, flux.PairsTied));
        Assert.Equal(1.0 / 3, flux.WinRate, 12);
        Assert.Equal(24, analysis.Model("sd3").Votes);
    }

    [Fact]
    public void Analyze_SameSeed_GivesIdenticalIntervalsThatContainTheScore()
    {
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 60, 40, 20), .. Outcomes.Pair("b", "c", 55, 45, 20), .. Outcomes.Pair("a", "c", 70, 30, 20)];
        var options = new AnalysisOptions(Seed: 42);

        var first = PreferenceAnalyzer.Analyze(outcomes, options);
        var second = PreferenceAnalyzer.Analyze(outcomes, options);
        var otherSeed = PreferenceAnalyzer.Analyze(outcomes, options with { Seed = 43 });

        Assert.Equal(first.Models, second.Models);
        Assert.NotEqual(first.Model("a").ScoreLow, otherSeed.Model("a").ScoreLow);
        Assert.All(first.Models, m => Assert.InRange(m.Score, m.ScoreLow, m.ScoreHigh));
        Assert.All(first.Models, m => Assert.True(m.ScoreHigh - m.ScoreLow > 1, $"{m.Model} has a degenerate interval"));
    }

    [Fact]
    public void Analyze_ClearlySeparatedModels_RanksOneTwoThree()
    {
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 800, 200, 40), .. Outcomes.Pair("b", "c", 800, 200, 40), .. Outcomes.Pair("a", "c", 900, 100, 40)];

        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        Assert.Equal([("a", 1), ("b", 2), ("c", 3)], analysis.Models.Select(m => (m.Model, m.Rank)));
    }

    [Fact]
    public void Analyze_OverlappingIntervals_ShareTheRank()
    {
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 51, 49, 10)];

        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        Assert.All(analysis.Models, m => Assert.Equal(1, m.Rank));
        Assert.NotEqual(analysis.Model("a").Score, analysis.Model("b").Score);
    }

    [Fact]
    public void Analyze_DisconnectedGraph_RanksEachComponentAndSaysSo()
    {
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 30, 10), .. Outcomes.Pair("c", "d", 12, 28), .. Outcomes.Pair("c", "e", 20, 20)];

        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        Assert.Equal(2, analysis.Components);
        Assert.Equal(["c", "d", "e"], analysis.Models.Where(m => m.Component == 1).Select(m => m.Model).Order());
        Assert.Equal(["a", "b"], analysis.Models.Where(m => m.Component == 2).Select(m => m.Model).Order());
        Assert.Equal(1000, analysis.Models.Where(m => m.Component == 2).Average(m => m.Score), 9);
        Assert.Equal(1000, analysis.Models.Where(m => m.Component == 1).Average(m => m.Score), 9);
        Assert.Equal(1, analysis.Model("a").Rank);
        Assert.Contains(analysis.Warnings, w => w.Contains("2 groups") && w.Contains("1: c, d, e") && w.Contains("2: a, b"));
    }

    [Fact]
    public void Analyze_ModelWinsEveryVote_StaysFiniteAndWarns()
    {
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 20, 0), .. Outcomes.Pair("b", "c", 10, 10)];

        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        Assert.All(analysis.Models, m => Assert.True(double.IsFinite(m.Score) && double.IsFinite(m.ScoreLow) && double.IsFinite(m.ScoreHigh)));
        Assert.True(analysis.Model("a").Score > analysis.Model("b").Score);
        Assert.Contains(analysis.Warnings, w => w.Contains("pseudo-votes"));
    }

    [Fact]
    public void Analyze_UnknownReferenceModel_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            PreferenceAnalyzer.Analyze([Outcomes.Of("m1", "a", "b", 1, 2)], new AnalysisOptions(ReferenceModel: "zeta")));

        Assert.Contains("'zeta'", error.Message);
    }

    [Fact]
    public void Analyze_NegativeVotes_ThrowsNamingTheMatchup()
    {
        var error = Assert.Throws<ArgumentException>(() => PreferenceAnalyzer.Analyze([Outcomes.Of("bad-one", "a", "b", -1, 2)]));

        Assert.Contains("'bad-one'", error.Message);
    }

    [Fact]
    public void Analyze_NoOutcomes_ReturnsEmptyAnalysis()
    {
        var analysis = PreferenceAnalyzer.Analyze([]);

        Assert.Empty(analysis.Matchups);
        Assert.Empty(analysis.Models);
        Assert.Equal(0, analysis.Components);
    }
}
