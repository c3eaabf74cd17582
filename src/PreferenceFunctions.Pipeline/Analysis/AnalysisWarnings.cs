namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>The caveats a reader of the rankings must see, in plain words.</summary>
internal static class AnalysisWarnings
{
    public static IReadOnlyList<string> Describe(
        IReadOnlyList<MatchupOutcome> outcomes, PairwiseWins wins, ComparisonComponents components,
        bool[] regularised, bool[] unconverged, BootstrapIntervals.Result bootstrap, AnalysisOptions options)
    {
        var warnings = new List<string>();
        if (components.Count > 1)
        {
            var groups = components.Models.Select((models, c) =>
                $"{c + 1}: {string.Join(", ", models.Select(m => wins.Models[m]))}");
            warnings.Add($"The models form {components.Count} groups that were never compared with each other, so each "
                + $"group (component) is scored and ranked on its own and scores of different groups are not comparable: "
                + string.Join("; ", groups) + ".");
        }
        for (var c = 0; c < components.Count; c++)
        {
            if (regularised[c])
                warnings.Add($"In component {c + 1} a model won or lost every vote against the others, so exact "
                    + $"maximum-likelihood scores do not exist; {BradleyTerry.PseudoVotes} pseudo-votes per compared pair and "
                    + "direction were added to keep them finite.");
            else if (bootstrap.RegularisedRounds[c] > 0)
                warnings.Add($"{bootstrap.RegularisedRounds[c]} of {options.BootstrapRounds} bootstrap rounds in component "
                    + $"{c + 1} needed {BradleyTerry.PseudoVotes} pseudo-votes per pair (a model won or lost all its resampled votes); "
                    + "its intervals are approximate.");
            if (unconverged[c])
                warnings.Add($"The Bradley–Terry fit of component {c + 1} stopped after {options.MaxIterations} iterations "
                    + $"without reaching the tolerance {options.Tolerance:g}.");
        }
        if (bootstrap.UnconvergedRounds > 0)
            warnings.Add($"{bootstrap.UnconvergedRounds} bootstrap rounds stopped at {options.MaxIterations} iterations without converging.");
        var selfMatchups = outcomes.Count(o => o.Matchup.Model1 == o.Matchup.Model2);
        if (selfMatchups > 0)
            warnings.Add($"{selfMatchups} matchups compare a model with itself; they are listed but do not count toward model scores.");
        var unvoted = outcomes.Count(o => o.Votes1 + o.Votes2 == 0);
        if (unvoted > 0)
            warnings.Add($"{unvoted} matchups received no votes for either image.");
        return warnings;
    }
}
