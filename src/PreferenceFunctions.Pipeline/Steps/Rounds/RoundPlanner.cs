using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>
/// The allocation policy of adaptive rounds: which matchups get <see cref="AdaptiveSettings.ExtraResponses"/> more votes.
/// <see cref="AdaptiveStop.Pairs"/>: every matchup whose 95% Wilson interval still contains 0.5, closest split first.
/// <see cref="AdaptiveStop.Ranking"/>: matchups between models whose score intervals overlap, the closest model pairs
/// first (their order is what a vote is most likely to change), and within a pair the matchups with the fewest votes.
/// <see cref="AdaptiveStop.Budget"/>: the same order over all model pairs, overlapping or not, so the budget is spent
/// on the closest pairs even once the intervals have come apart (they are 95% intervals, not certainty).
/// The budget left is spread over the rounds left (each round buys at most its share), so later rounds, planned on
/// better estimates, still have votes to spend. Pure: the pipeline and the bench run the same code.
/// </summary>
public static class RoundPlanner
{
    /// <param name="round">The round to plan (2 = the first follow-up).</param>
    /// <returns>Matchup ids, most informative first; empty when nothing is uncertain or the budget is spent.</returns>
    public static IReadOnlyList<string> Pick(PreferenceAnalysis analysis, AdaptiveSettings settings, int votesLeft, int round)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(settings);
        var affordable = Math.Max(0, votesLeft) / settings.ExtraResponses;
        if (affordable == 0) return [];
        var roundsLeft = Math.Max(1, settings.Rounds - round + 1);
        affordable = Math.Max(1, (affordable + roundsLeft - 1) / roundsLeft);
        var candidates = settings.Stop switch
        {
            AdaptiveStop.Pairs => UncertainPairs(analysis),
            AdaptiveStop.Budget => ClosestModels(analysis, onlyOverlapping: false),
            _ => ClosestModels(analysis, onlyOverlapping: true),
        };
        return candidates.Take(affordable).ToList();
    }

    private static IEnumerable<string> UncertainPairs(PreferenceAnalysis analysis) =>
        analysis.Matchups
            .Select(m => (m, Interval: WilsonInterval.For(m.Votes1, m.TotalVotes)))
            .Where(x => x.Interval.Low <= 0.5 && x.Interval.High >= 0.5)
            .OrderBy(x => Math.Abs(Share(x.m) - 0.5)).ThenBy(x => x.m.TotalVotes).ThenBy(x => x.m.Matchup.Id, StringComparer.Ordinal)
            .Select(x => x.m.Matchup.Id);

    private static IEnumerable<string> ClosestModels(PreferenceAnalysis analysis, bool onlyOverlapping)
    {
        var models = analysis.Models.ToDictionary(m => m.Model, StringComparer.Ordinal);
        bool Overlap(ModelScore a, ModelScore b) =>
            a.Component != b.Component || Math.Max(a.ScoreLow, b.ScoreLow) <= Math.Min(a.ScoreHigh, b.ScoreHigh);
        return analysis.Matchups
            .Where(m => m.Matchup.Model1 != m.Matchup.Model2
                && models.TryGetValue(m.Matchup.Model1, out var a) && models.TryGetValue(m.Matchup.Model2, out var b)
                && (!onlyOverlapping || Overlap(a, b)))
            .Select(m => (m, Gap: Gap(models[m.Matchup.Model1], models[m.Matchup.Model2])))
            .OrderBy(x => x.Gap).ThenBy(x => x.m.TotalVotes).ThenBy(x => x.m.Matchup.Id, StringComparer.Ordinal)
            .Select(x => x.m.Matchup.Id);
    }

    /// <summary>How far apart two models' scores are in units of their intervals' half widths (models in different
    /// components cannot be told apart at all: gap 0).</summary>
    private static double Gap(ModelScore a, ModelScore b)
    {
        if (a.Component != b.Component) return 0;
        var width = (a.ScoreHigh - a.ScoreLow + b.ScoreHigh - b.ScoreLow) / 2;
        return Math.Abs(a.Score - b.Score) / Math.Max(width, 1e-9);
    }

    private static double Share(MatchupResult m) => m.TotalVotes == 0 ? 0.5 : (double)m.Votes1 / m.TotalVotes;
}
