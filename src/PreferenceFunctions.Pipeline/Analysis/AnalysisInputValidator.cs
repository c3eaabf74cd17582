namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>Rejects outcomes and options the analysis cannot use, naming the matchup and field.</summary>
internal static class AnalysisInputValidator
{
    public static void Validate(IReadOnlyList<MatchupOutcome> outcomes, AnalysisOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.BootstrapRounds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxIterations);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i] ?? throw new ArgumentException($"Matchup outcome {i} is null.", nameof(outcomes));
            var matchup = o.Matchup ?? throw new ArgumentException($"Matchup outcome {i} names no matchup.", nameof(outcomes));
            var where = $"Matchup '{matchup.Id}' (outcome {i})";
            if (string.IsNullOrWhiteSpace(matchup.Model1) || string.IsNullOrWhiteSpace(matchup.Model2))
                throw new ArgumentException($"{where} has no model name for one of its images.", nameof(outcomes));
            if (o.Votes1 < 0 || o.Votes2 < 0 || o.BothVotes < 0 || o.NeitherVotes < 0)
                throw new ArgumentException($"{where} has a negative vote count.", nameof(outcomes));
            if (!IsCount(o.WeightedVotes1) || !IsCount(o.WeightedVotes2))
                throw new ArgumentException($"{where} has weighted votes that are negative or not a number.", nameof(outcomes));
        }
        if (options.ReferenceModel is { } reference && !outcomes.Any(o => o.Matchup.Model1 == reference || o.Matchup.Model2 == reference))
            throw new ArgumentException($"Reference model '{reference}' does not appear in any matchup.", nameof(options));
    }

    private static bool IsCount(double value) => double.IsFinite(value) && value >= 0;
}
