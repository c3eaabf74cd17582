using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class MatchupSuggesterTests
{
    private static PairCountScore Model(string name, double score, int component = 1) =>
        new(name, score, score - 30, score + 30, 1, component, 300, 150);

    [Fact]
    public void Suggest_TwoCloseModelsAndAFarOne_MostMatchupsGoToTheClosePair()
    {
        IReadOnlyList<PairCountScore> models = [Model("far", 1400), Model("close-a", 1005), Model("close-b", 1000)];
        var votes = new Dictionary<(string, string), long> { [("close-a", "far")] = 100, [("close-b", "far")] = 100, [("close-a", "close-b")] = 100 };

        var suggested = MatchupSuggester.Suggest(models, votes, votes: 600, votesPerMatchup: 10);

        Assert.Equal(60, suggested.Sum(s => s.Matchups));
        var top = suggested[0];
        Assert.Equal(("close-a", "close-b"), (top.Model1, top.Model2));
        Assert.True(top.Matchups > 40, $"close pair got {top.Matchups} of 60 matchups");
        Assert.Equal(top.Matchups * 10L, top.Votes);
    }

    [Fact]
    public void Suggest_TwoComponents_LinksThemFirst()
    {
        IReadOnlyList<PairCountScore> models = [Model("a", 1100), Model("b", 900), Model("c", 1100, component: 2), Model("d", 900, component: 2)];
        var votes = new Dictionary<(string, string), long> { [("a", "b")] = 500, [("c", "d")] = 500 };

        var suggested = MatchupSuggester.Suggest(models, votes, votes: 30, votesPerMatchup: 10);

        var pair = Assert.Single(suggested);
        Assert.NotEqual(pair.Model1 is "a" or "b", pair.Model2 is "a" or "b");
    }

    [Fact]
    public void Suggest_FewerVotesThanOneMatchup_SuggestsNothing()
    {
        Assert.Empty(MatchupSuggester.Suggest([Model("a", 1000), Model("b", 1000)], new Dictionary<(string, string), long>(), votes: 5, votesPerMatchup: 10));
    }
}
