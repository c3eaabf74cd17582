using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Tests.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Rounds;

public sealed class RoundPlannerTests
{
    private static readonly AdaptiveSettings Pairs = new(3, 10, 5_000, AdaptiveStop.Pairs);
    private static readonly AdaptiveSettings Ranking = new(3, 10, 5_000, AdaptiveStop.Ranking);
    private static readonly AdaptiveSettings Budget = new(3, 10, 5_000, AdaptiveStop.Budget);

    [Fact]
    public void Pick_Pairs_OnlyMatchupsWhoseIntervalHoldsAHalf_ClosestFirst()
    {
        var analysis = PreferenceAnalyzer.Analyze([
            Outcomes.Of("clear", "a", "b", 15, 0),
            Outcomes.Of("close", "a", "b", 8, 7),
            Outcomes.Of("even", "a", "b", 5, 5),
            Outcomes.Of("leaning", "a", "b", 10, 5),
        ]);

        var picked = RoundPlanner.Pick(analysis, Pairs, votesLeft: 5_000, round: 3);

        Assert.Equal(["even", "close", "leaning"], picked);
    }

    [Fact]
    public void Pick_BudgetForTwoMatchups_TakesTheTwoMostInformative()
    {
        var analysis = PreferenceAnalyzer.Analyze([Outcomes.Of("close", "a", "b", 8, 7), Outcomes.Of("even", "a", "b", 5, 5),
            Outcomes.Of("leaning", "a", "b", 10, 5)]);

        Assert.Equal(["even", "close"], RoundPlanner.Pick(analysis, Pairs, votesLeft: 29, round: 3));
        Assert.Empty(RoundPlanner.Pick(analysis, Pairs, votesLeft: 9, round: 3));
    }

    [Fact]
    public void Pick_Ranking_TopsUpOnlyPairsOfModelsWhoseIntervalsOverlap_ClosestPairFirst()
    {
        // a >> b ~ c: a's interval is far above, b and c cannot be told apart yet.
        var outcomes = new List<MatchupOutcome>();
        for (var i = 0; i < 10; i++)
        {
            outcomes.Add(Outcomes.Of($"ab{i}", "a", "b", 14, 1));
            outcomes.Add(Outcomes.Of($"ac{i}", "a", "c", 14, 1));
            outcomes.Add(Outcomes.Of($"bc{i}", "b", "c", 8 - i % 2, 7 + i % 2));
        }
        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        var picked = RoundPlanner.Pick(analysis, Ranking, votesLeft: 5_000, round: 3);

        Assert.Equal(10, picked.Count);
        Assert.All(picked, id => Assert.StartsWith("bc", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Pick_RankingSettled_PicksNothing()
    {
        var analysis = PreferenceAnalyzer.Analyze(Enumerable.Range(0, 20).Select(i => Outcomes.Of($"ab{i}", "a", "b", 15, 0)).ToList());

        Assert.Empty(RoundPlanner.Pick(analysis, Ranking, votesLeft: 5_000, round: 3));
    }

    [Fact]
    public void Pick_FirstOfTwoFollowUps_SpendsHalfTheBudgetLeft()
    {
        var analysis = PreferenceAnalyzer.Analyze(Enumerable.Range(0, 10).Select(i => Outcomes.Of($"m{i}", "a", "b", 5, 5)).ToList());

        Assert.Equal(3, RoundPlanner.Pick(analysis, Pairs, votesLeft: 60, round: 2).Count);
        Assert.Equal(6, RoundPlanner.Pick(analysis, Pairs, votesLeft: 60, round: 3).Count);
    }

    [Fact]
    public void Pick_BudgetWithTheRankingSettled_StillTopsUpTheClosestModelsFirst()
    {
        // a >> b > c, every interval apart: `ranking` has nothing left to do, `budget` spends on b-c, the closest pair.
        var outcomes = new List<MatchupOutcome>();
        for (var i = 0; i < 20; i++)
        {
            outcomes.Add(Outcomes.Of($"ab{i:D2}", "a", "b", 14, 1));
            outcomes.Add(Outcomes.Of($"ac{i:D2}", "a", "c", 15, 0));
            outcomes.Add(Outcomes.Of($"bc{i:D2}", "b", "c", 11, 4));
        }
        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        var picked = RoundPlanner.Pick(analysis, Budget, votesLeft: 600, round: 3);

        Assert.Empty(RoundPlanner.Pick(analysis, Ranking, votesLeft: 600, round: 3));
        Assert.Equal(60, picked.Count);
        Assert.All(picked.Take(20), id => Assert.StartsWith("bc", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Pick_BudgetWithCorrelatedVotes_TopsUpTheIndirectMatchupsOnceTheDirectOnesAreSaturated()
    {
        // a ~ b, each matchup of theirs already has 300 votes; a-c and c-b have 5. Independent votes: the direct
        // matchups are still the best buy. Votes that share images (correlation 0.05): 300 votes are worth about 19,
        // 5 more add almost nothing, and the fresh a-c and c-b matchups inform a-b more.
        var outcomes = new List<MatchupOutcome>();
        for (var i = 0; i < 3; i++) outcomes.Add(Outcomes.Of($"ab{i}", "a", "b", 150, 150));
        for (var i = 0; i < 30; i++)
        {
            outcomes.Add(Outcomes.Of($"ac{i:D2}", "a", "c", 3, 2));
            outcomes.Add(Outcomes.Of($"bc{i:D2}", "b", "c", 3, 2));
        }
        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        var independent = RoundPlanner.Pick(analysis with { VoteCorrelation = 0 }, Budget, votesLeft: 30, round: 3);
        var correlated = RoundPlanner.Pick(analysis with { VoteCorrelation = 0.05 }, Budget, votesLeft: 30, round: 3);

        Assert.StartsWith("ab", independent[0], StringComparison.Ordinal);
        Assert.Equal(3, correlated.Count);
        Assert.All(correlated, id => Assert.DoesNotContain("ab", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Pick_Budget_WithinAPairTheMatchupsWithTheFewestVotesFirst()
    {
        var analysis = PreferenceAnalyzer.Analyze([Outcomes.Of("many", "a", "b", 20, 20), Outcomes.Of("few", "a", "b", 3, 2),
            Outcomes.Of("some", "a", "b", 6, 5)]) with { VoteCorrelation = 0.05 };

        Assert.Equal(["few", "some", "many"], RoundPlanner.Pick(analysis, Budget, votesLeft: 30, round: 3));
    }

    [Fact]
    public void Pick_BudgetOverTwoComponents_TopsUpTheCloserPairOfEach()
    {
        // a-b and c-d were never compared with each other: two components, each with a close and an open matchup set.
        var outcomes = new List<MatchupOutcome>();
        for (var i = 0; i < 10; i++)
        {
            outcomes.Add(Outcomes.Of($"ab{i}", "a", "b", 8, 7));
            outcomes.Add(Outcomes.Of($"cd{i}", "c", "d", 8, 7));
        }
        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        var picked = RoundPlanner.Pick(analysis, Budget, votesLeft: 40, round: 3);

        Assert.Equal(2, analysis.Components);
        Assert.Equal(4, picked.Count);
        Assert.Contains(picked, id => id.StartsWith("ab", StringComparison.Ordinal));
        Assert.Contains(picked, id => id.StartsWith("cd", StringComparison.Ordinal));
    }
}
