namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>Turns one <see cref="MatchupOutcome"/> into its <see cref="MatchupResult"/> row.</summary>
internal static class MatchupResults
{
    public static MatchupResult From(MatchupOutcome outcome)
    {
        int v1 = outcome.Votes1, v2 = outcome.Votes2, total = v1 + v2;
        var leading = Math.Max(v1, v2);
        var ratio = total == 0 ? 0 : (double)leading / total;
        var (low, high) = WilsonInterval.For(leading, total);
        var rawSide = Side(v1, v2);
        var weightedSide = Side(outcome.WeightedVotes1, outcome.WeightedVotes2);
        return new MatchupResult
        {
            Matchup = outcome.Matchup,
            Votes1 = v1,
            Votes2 = v2,
            Ratio = ratio,
            WeightedVotes1 = outcome.WeightedVotes1,
            WeightedVotes2 = outcome.WeightedVotes2,
            Winner = ModelOf(outcome, rawSide),
            WeightedWinner = ModelOf(outcome, weightedSide),
            CiLow = low,
            CiHigh = high,
            Disagreement = rawSide != weightedSide,
            Tie = rawSide == 0,
            BothVotes = outcome.BothVotes,
            NeitherVotes = outcome.NeitherVotes,
        };
    }

    /// <summary>1 when the first image leads, 2 when the second does, 0 on a tie.</summary>
    public static int Side(double first, double second) => first > second ? 1 : second > first ? 2 : 0;

    private static string ModelOf(MatchupOutcome outcome, int side) =>
        side switch { 1 => outcome.Matchup.Model1, 2 => outcome.Matchup.Model2, _ => "" };
}
