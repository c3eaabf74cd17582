using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class PairCountAnalyzerTests
{
    internal static List<MatchupOutcome> FourModels(int scale = 1) =>
    [
        .. Outcomes.Pair("flux", "sd3", 60 * scale, 40 * scale, 10 * scale),
        .. Outcomes.Pair("sd3", "dalle", 55 * scale, 45 * scale, 10 * scale),
        .. Outcomes.Pair("dalle", "mj", 30 * scale, 70 * scale, 10 * scale),
        .. Outcomes.Pair("mj", "flux", 52 * scale, 48 * scale, 10 * scale),
    ];

    [Fact]
    public void Analyze_PairCountsOfMatchups_ScoresEqualTheMatchupAnalysis()
    {
        var outcomes = FourModels();
        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        var pairs = LeaderboardPair.FromMatchups(analysis.Matchups);
        var scores = PairCountAnalyzer.Analyze([.. pairs.Select(p => p.ToCounts())]);

        Assert.Equal(analysis.Models.Select(m => m.Model), scores.Select(s => s.Model));
        foreach (var model in analysis.Models)
        {
            var score = scores.Single(s => s.Model == model.Model);
            Assert.Equal(model.Score, score.Score, 6);
            Assert.Equal(model.Votes, score.Wins);
            Assert.InRange(score.Score, score.ScoreLow, score.ScoreHigh);
        }
    }

    [Fact]
    public void Analyze_TenTimesTheMatchups_IntervalsNarrowByAboutSqrtTen()
    {
        static double Width(IReadOnlyList<MatchupOutcome> outcomes)
        {
            var pairs = LeaderboardPair.FromMatchups(PreferenceAnalyzer.Analyze(outcomes).Matchups);
            var flux = PairCountAnalyzer.Analyze([.. pairs.Select(p => p.ToCounts())]).Single(s => s.Model == "flux");
            return flux.ScoreHigh - flux.ScoreLow;
        }

        var ratio = Width(FourModels()) / Width(FourModels(scale: 10));

        Assert.InRange(ratio, 2.2, 4.5); // sqrt(10) = 3.16
    }

    [Fact]
    public void Analyze_SameInput_SameIntervals()
    {
        var counts = LeaderboardPair.FromMatchups(PreferenceAnalyzer.Analyze(FourModels()).Matchups).Select(p => p.ToCounts()).ToList();

        var first = PairCountAnalyzer.Analyze(counts);
        var second = PairCountAnalyzer.Analyze(counts);

        Assert.Equal(first, second);
    }
}
