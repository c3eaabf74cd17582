using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>
/// The allocation policy of adaptive rounds: which matchups get <see cref="AdaptiveSettings.ExtraResponses"/> more votes.
/// <see cref="AdaptiveStop.Pairs"/>: every matchup whose 95% Wilson interval still contains 0.5, closest split first.
/// <see cref="AdaptiveStop.Ranking"/>: matchups between models whose score intervals overlap, ordered by
/// <see cref="SwapRiskAllocator"/> (the top-ups that most lower the expected number of swapped model pairs first).
/// <see cref="AdaptiveStop.Budget"/>: the same order over all matchups, overlapping or not, so the budget is spent even
/// once the intervals have come apart (they are 95% intervals, not certainty), on the close pairs' least-voted matchups
/// and on the matchups that inform a close pair indirectly.
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
        return settings.Stop switch
        {
            AdaptiveStop.Pairs => UncertainPairs(analysis).Take(affordable).ToList(),
            AdaptiveStop.Budget => SwapRiskAllocator.Pick(analysis, analysis.Matchups, settings.ExtraResponses, affordable),
            _ => SwapRiskAllocator.Pick(analysis, OverlappingModels(analysis), settings.ExtraResponses, affordable),
        };
    }

    private static IEnumerable<string> UncertainPairs(PreferenceAnalysis analysis) =>
        analysis.Matchups
            .Select(m => (m, Interval: WilsonInterval.For(m.Votes1, m.TotalVotes)))
            .Where(x => x.Interval.Low <= 0.5 && x.Interval.High >= 0.5)
            .OrderBy(x => Math.Abs(Share(x.m) - 0.5)).ThenBy(x => x.m.TotalVotes).ThenBy(x => x.m.Matchup.Id, StringComparer.Ordinal)
            .Select(x => x.m.Matchup.Id);

    private static List<MatchupResult> OverlappingModels(PreferenceAnalysis analysis)
    {
        var models = analysis.Models.ToDictionary(m => m.Model, StringComparer.Ordinal);
        return [.. analysis.Matchups.Where(m => m.Matchup.Model1 != m.Matchup.Model2
            && models.TryGetValue(m.Matchup.Model1, out var a) && models.TryGetValue(m.Matchup.Model2, out var b)
            && (a.Component != b.Component || Math.Max(a.ScoreLow, b.ScoreLow) <= Math.Min(a.ScoreHigh, b.ScoreHigh)))];
    }

    private static double Share(MatchupResult m) => m.TotalVotes == 0 ? 0.5 : (double)m.Votes1 / m.TotalVotes;
}
