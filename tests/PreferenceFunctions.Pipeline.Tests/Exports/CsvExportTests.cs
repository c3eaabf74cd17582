using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Exports;
using PreferenceFunctions.Pipeline.Tests.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Exports;

public sealed class CsvExportTests
{
    [Fact]
    public void Write_MatchupResults_StartsWithTheDesignHeaderAndRoundTripsAwkwardText()
    {
        var outcome = Outcomes.Of("m1", "flux", "sd3", 9, 6).WithPrompt("a \"red\" fox, at night\non two lines");
        var analysis = PreferenceAnalyzer.Analyze([outcome], new AnalysisOptions(BootstrapRounds: 0));
        var text = new StringWriter();

        MatchupResultsCsv.Write(analysis.Matchups, text);

        Assert.StartsWith("matchupId,prompt,image1,image2,model1,model2,votes1,votes2,ratio,weightedVotes1,weightedVotes2,winner,weightedWinner,",
            text.ToString());
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(text.ToString());
        var rows = reader.Enumerate(row => (Prompt: row["prompt"].ToString(), Ratio: row["ratio"].Parse<double>(), Winner: row["winner"].ToString())).ToList();
        var single = Assert.Single(rows);
        Assert.Equal(outcome.Matchup.Prompt, single.Prompt);
        Assert.Equal(0.6, single.Ratio, 12);
        Assert.Equal("flux", single.Winner);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"x\")")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("\tpadded")]
    [InlineData("\rfirst")]
    [InlineData("\uFF1D1+1")]
    public void Write_FormulaCellsInEveryTextColumn_GetALeadingApostropheAndNumbersStayNumbers(string formula)
    {
        var outcome = Outcomes.Of(formula, formula + "a", formula + "b", 9, 6).WithPrompt(formula);
        var analysis = PreferenceAnalyzer.Analyze([outcome], new AnalysisOptions(BootstrapRounds: 0));
        var matchups = new StringWriter();
        var models = new StringWriter();

        MatchupResultsCsv.Write(analysis.Matchups, matchups);
        ModelScoresCsv.Write(analysis.Models, models);

        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(matchups.ToString());
        var row = reader.Enumerate(r => (Id: r["matchupId"].ToString(), Prompt: r["prompt"].ToString(), Model1: r["model1"].ToString(),
            Winner: r["winner"].ToString(), Ratio: r["ratio"].ToString())).Single();
        Assert.Equal(("'" + formula, "'" + formula, "'" + formula + "a", "'" + formula + "a"), (row.Id, row.Prompt, row.Model1, row.Winner));
        Assert.Equal("0.6", row.Ratio);
        using var modelReader = Sep.Reader(o => o with { Unescape = true }).FromText(models.ToString());
        Assert.All(modelReader.Enumerate(r => r["model"].ToString()).ToList(), m => Assert.StartsWith("'", m));
    }

    [Fact]
    public void Write_MatchupResults_QuotesTextAndFormatsNumbersInvariantly()
    {
        var analysis = PreferenceAnalyzer.Analyze([Outcomes.Detailed()], new AnalysisOptions(BootstrapRounds: 0));
        var text = new StringWriter();

        MatchupResultsCsv.Write(analysis.Matchups, text);

        Assert.Equal(string.Join(',', MatchupResultsCsv.Columns) + Environment.NewLine
            + "m/1,\"a \"\"red\"\" fox, naïve\non two lines\",flux_m/1_0.png,sd3_m/1_1.png,flux,sd3,9,6,0.6,3.25,5.5,flux,sd3,"
            + "0.3575,0.8018,true,false,2,1" + Environment.NewLine, text.ToString());
    }

    [Fact]
    public void Write_ModelScores_FormatsNumbersInvariantly()
    {
        ModelScore score = new()
        {
            Model = "flux", Votes = 9, PairsWon = 1, WinRate = 1, Score = 1034.5, ScoreLow = 990.25, ScoreHigh = 1100.125,
            Rank = 1, Pairs = 1, PairsTied = 0, WeightedVotes = 3.25, Component = 1,
        };
        var text = new StringWriter();

        ModelScoresCsv.Write([score], text);

        Assert.Equal("model,votes,pairsWon,winRate,score,scoreLow,scoreHigh,rank,pairs,pairsTied,weightedVotes,component" + Environment.NewLine
            + "flux,9,1,1,1034.5,990.3,1100.1,1,1,0,3.25,1" + Environment.NewLine, text.ToString());
    }

    [Fact]
    public void Write_ModelScores_StartsWithTheDesignHeaderAndHasOneLinePerModel()
    {
        var analysis = PreferenceAnalyzer.Analyze([.. Outcomes.Pair("flux", "sd3", 30, 10)], new AnalysisOptions(BootstrapRounds: 20));
        var text = new StringWriter();

        ModelScoresCsv.Write(analysis.Models, text);

        var lines = text.ToString().TrimEnd().Split('\n');
        Assert.StartsWith("model,votes,pairsWon,winRate,score,scoreLow,scoreHigh,rank", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("flux,30,5,1,", lines[1]);
    }

    [Fact]
    public void Write_ModelScores_RoundsScoresToOneDecimalAndRatiosToFour()
    {
        ModelScore score = new()
        {
            Model = "flux", Votes = 9, PairsWon = 1, WinRate = 0.66666666666, Score = 255.9383999999999, ScoreLow = 200.04999,
            ScoreHigh = 300.96, Rank = 1, Pairs = 3, PairsTied = 0, WeightedVotes = 7.123456, Component = 1,
        };
        var text = new StringWriter();

        ModelScoresCsv.Write([score], text);

        Assert.EndsWith("flux,9,1,0.6667,255.9,200,301,1,3,0,7.1235,1" + Environment.NewLine, text.ToString());
    }

    [Fact]
    public void Write_NoRows_StillWritesTheHeader()
    {
        var text = new StringWriter();

        MatchupResultsCsv.Write([], text);

        Assert.Equal(string.Join(',', MatchupResultsCsv.Columns), text.ToString().TrimEnd());
    }
}
