using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class RunLeadersTests
{
    [Fact]
    public void Of_TopIntervalWhollyAboveTheRest_NamesTheWinner()
    {
        var leaders = RunLeaders.Of([Score("flux", 1100, 1060, 1140), Score("sd3", 1000, 960, 1050), Score("dalle", 900, 850, 950)]);

        Assert.Equal("flux", leaders.Winner);
        Assert.Equal(["flux"], leaders.Leaders);
    }

    [Fact]
    public void Of_TopTwoIntervalsOverlap_NoWinnerAndBothLead()
    {
        // Both ranked 1: neither interval lies wholly above the other's.
        var leaders = RunLeaders.Of([Score("sd3", 1010, 980, 1040), Score("flux", 1020, 990, 1050), Score("dalle", 800, 760, 840)]);

        Assert.Null(leaders.Winner);
        Assert.Equal(["flux", "sd3"], leaders.Leaders);
    }

    [Fact]
    public void Of_ThirdModelReachesTheTopsLowerBound_IsTiedToo()
    {
        var leaders = RunLeaders.Of([Score("a", 1100, 1000, 1200), Score("b", 1050, 1020, 1080), Score("c", 900, 700, 1001)]);

        Assert.Null(leaders.Winner);
        Assert.Equal(["a", "b", "c"], leaders.Leaders);
    }

    [Fact]
    public void Of_AnalysisWithSeparateComponents_NoWinnerNoLeaders()
    {
        var analysis = new PreferenceAnalysis([], [Score("a", 1100, 1090, 1110), Score("b", 900, 890, 910)], Components: 2, [],
            new AnalysisOptions());

        Assert.Equal((null, 0), (RunLeaders.Of(analysis).Winner, RunLeaders.Of(analysis).Leaders.Count));
    }

    private static ModelScore Score(string model, double score, double low, double high) => new()
    {
        Model = model, Score = score, ScoreLow = low, ScoreHigh = high, Votes = 10, PairsWon = 1, WinRate = 0.5, Rank = 1, Pairs = 2,
        PairsTied = 0, WeightedVotes = 10, Component = 1,
    };
}
