using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Tests.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Collect;

/// <summary>The MatchupResults and ModelScores table rows: every column filled from its field, and read back unchanged.</summary>
public sealed class ResultRowsTests
{
    [Fact]
    public void ToEntity_MatchupResult_FillsEveryColumn()
    {
        var result = PreferenceAnalyzer.Analyze([Outcomes.Detailed()], new AnalysisOptions(BootstrapRounds: 0)).Matchups.Single();

        var e = ResultRows.ToEntity("run-1", result);

        Assert.Equal(("run-1", "m%2F1", "m/1"), (e.PartitionKey, e.RowKey, e.MatchupId));
        Assert.Equal("a \"red\" fox, naïve\non two lines", e.Prompt);
        Assert.Equal(("flux_m/1_0.png", "sd3_m/1_1.png", "flux", "sd3"), (e.Image1, e.Image2, e.Model1, e.Model2));
        Assert.Equal((9, 6, 2, 1), (e.Votes1, e.Votes2, e.BothVotes, e.NeitherVotes));
        Assert.Equal((0.6, 3.25, 5.5), (e.Ratio, e.WeightedVotes1, e.WeightedVotes2));
        Assert.Equal(("flux", "sd3", true, false), (e.Winner, e.WeightedWinner, e.WinnersDisagree, e.Tie));
        Assert.Equal((0.357468301206246, 0.8017550385865841), (e.CiLow!.Value, e.CiHigh!.Value));
        Assert.Equal(result, ResultRows.FromEntity(e));
    }

    [Fact]
    public void ToEntity_ModelScore_FillsEveryColumnAndReadsBack()
    {
        ModelScore score = new()
        {
            Model = "flux/pro", Votes = 9, PairsWon = 1, WinRate = 0.5, Score = 1034.5, ScoreLow = 990.25, ScoreHigh = 1100.125,
            Rank = 2, Pairs = 2, PairsTied = 1, WeightedVotes = 3.25, Component = 1,
        };

        var e = ResultRows.ToEntity("run-1", score);

        Assert.Equal(("run-1", "flux%2Fpro", "flux/pro"), (e.PartitionKey, e.RowKey, e.Model));
        Assert.Equal((9, 2, 1, 1), (e.Votes, e.Pairs, e.PairsWon, e.PairsTied));
        Assert.Equal((3.25, 0.5, 1034.5, 990.25, 1100.125), (e.WeightedVotes, e.WinRate, e.Score, e.ScoreLow, e.ScoreHigh));
        Assert.Equal((2, 1), (e.Rank, e.Component));
        Assert.Equal(score, ResultRows.FromEntity(e));
    }
}
