namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Rankings from matchup outcomes: per-matchup ratios with Wilson intervals, per-model counts, Bradley–Terry scores
/// with bootstrap intervals and interval-aware ranks, fitted per connected component. Pure: no I/O, no clock,
/// and the same input and options always give the same result.
/// </summary>
public static class PreferenceAnalyzer
{
    public static PreferenceAnalysis Analyze(IReadOnlyList<MatchupOutcome> outcomes, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        options ??= AnalysisOptions.Default;
        AnalysisInputValidator.Validate(outcomes, options);

        var matchups = outcomes.Select(MatchupResults.From)
            .OrderByDescending(r => r.Ratio).ThenByDescending(r => r.TotalVotes).ThenBy(r => r.Matchup.Id, StringComparer.Ordinal)
            .ToList();
        var votes = PairwiseWins.Build(outcomes, options.UseWeightedVotes);
        var components = ComparisonComponents.Find(votes);
        var scorer = new ComponentScores(votes, components, options);
        var firstFit = scorer.Fit(votes.FirstWins, votes.SecondWins);
        var rho = MatchupVoteCorrelation.Estimate(
            votes.MatchupPair.Select((pair, m) => (MatchupVoteCorrelation.Chance(firstFit.Scores[votes.First[pair]],
                firstFit.Scores[votes.Second[pair]]), votes.MatchupFirstWins[m], votes.MatchupSecondWins[m], 1.0)));
        var discounted = MatchupVoteCorrelation.Changes(rho, votes.MatchupFirstWins.Select((first, m) => first + votes.MatchupSecondWins[m]));
        var wins = discounted ? votes.Weighted(n => MatchupVoteCorrelation.VoteWeight(n, rho)) : votes;
        var fit = discounted ? scorer.Fit(wins.FirstWins, wins.SecondWins, firstFit.LogStrengths) : firstFit;
        var scores = fit.Scores;
        var bootstrap = options.BootstrapRounds > 0
            ? BootstrapIntervals.Compute(wins, scorer, fit, options)
            : new BootstrapIntervals.Result(scores, scores, new int[components.Count], 0);
        var tallies = ModelTally.Count(outcomes, options.UseWeightedVotes);

        var models = new List<ModelScore>(wins.Models.Length);
        for (var i = 0; i < wins.Models.Length; i++)
        {
            var component = components.ComponentOf[i];
            var rank = 1 + components.Models[component - 1].Count(j => bootstrap.Low[j] > bootstrap.High[i]);
            var tally = tallies[wins.Models[i]];
            models.Add(new ModelScore
            {
                Model = wins.Models[i],
                Votes = tally.Votes,
                PairsWon = tally.PairsWon,
                WinRate = tally.WinRate,
                Score = scores[i],
                ScoreLow = bootstrap.Low[i],
                ScoreHigh = bootstrap.High[i],
                Rank = rank,
                Pairs = tally.Pairs,
                PairsTied = tally.PairsTied,
                WeightedVotes = tally.WeightedVotes,
                Component = component,
            });
        }
        var ordered = models.OrderBy(m => m.Component).ThenBy(m => m.Rank).ThenByDescending(m => m.Score)
            .ThenBy(m => m.Model, StringComparer.Ordinal).ToList();

        var warnings = AnalysisWarnings.Describe(outcomes, wins, components, fit.Regularised, fit.Unconverged, bootstrap, options);
        return new PreferenceAnalysis(matchups, ordered, components.Count, warnings, options) { VoteCorrelation = rho };
    }
}
