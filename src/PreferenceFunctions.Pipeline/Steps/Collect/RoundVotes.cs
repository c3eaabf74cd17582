using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// Adds the votes of an adaptive run's follow-up rounds to the first order's, per matchup: every count is the sum over
/// the rounds, and the winners name the images that lead the sums. Matchups a round did not top up keep their votes.
/// </summary>
public static class RoundVotes
{
    /// <exception cref="InvalidDataException">A round holds a matchup the first order did not have.</exception>
    public static IReadOnlyList<MatchupOutcome> Merge(IReadOnlyList<MatchupOutcome> first, IEnumerable<IReadOnlyList<MatchupOutcome>> rounds)
    {
        var merged = first.ToDictionary(o => o.Matchup.Id, StringComparer.Ordinal);
        foreach (var round in rounds)
            foreach (var extra in round)
            {
                if (!merged.TryGetValue(extra.Matchup.Id, out var sum))
                    throw new InvalidDataException($"A follow-up round has votes for matchup '{extra.Matchup.Id}', which the run's order did not have.");
                merged[extra.Matchup.Id] = MatchupOutcomeBuilder.Merge(sum, extra);
            }
        return first.Select(o => merged[o.Matchup.Id]).ToList();
    }
}
