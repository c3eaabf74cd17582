namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Votes of one matchup are not independent: they judge the same two images, and an image can be better or worse than
/// its model's average. Beta-binomial model: a matchup's n votes vary as n p (1 - p) (1 + (n - 1) rho), rho the
/// correlation of two votes on the same matchup, so the matchup is worth n / (1 + (n - 1) rho) independent votes.
/// rho comes from the data by the method of moments on a first fit's residuals, floored at 0. Equal votes per matchup
/// scale every matchup alike (the fit does not move); matchups with many more votes than the rest (adaptive rounds)
/// no longer outweigh the rest by their vote count alone, only by what those votes can tell beyond the images.
/// </summary>
public static class MatchupVoteCorrelation
{
    /// <summary>Natural-log strength per score point of the Elo-like scale.</summary>
    public static readonly double NaturalLogPerPoint = Math.Log(10) / AnalysisOptions.PointsPerDecade;

    /// <summary>
    /// rho = sum over matchups of ((y - n p)^2 - n p (1 - p)) / sum of n (n - 1) p (1 - p), where p is the chance the
    /// fit gives the first model (<see cref="Chance"/>), y its votes and n the matchup's votes; each unit stands for
    /// <c>Matchups</c> matchups with the same votes.
    /// </summary>
    public static double Estimate(IEnumerable<(double Chance, double FirstWins, double SecondWins, double Matchups)> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        double excess = 0, scale = 0;
        foreach (var (p, first, second, matchups) in units)
        {
            var n = first + second;
            var variance = n * p * (1 - p);
            excess += matchups * ((first - n * p) * (first - n * p) - variance);
            scale += matchups * variance * Math.Max(0, n - 1);
        }
        return scale <= 0 ? 0 : Math.Clamp(excess / scale, 0, 1);
    }

    /// <summary>The fitted chance that a model with <paramref name="score"/> beats one with <paramref name="otherScore"/>.</summary>
    public static double Chance(double score, double otherScore) => 1 / (1 + Math.Exp(-(score - otherScore) * NaturalLogPerPoint));

    /// <summary>
    /// True when the discount changes the fit: some correlation, and matchups with different vote counts (scaling every
    /// matchup's votes alike leaves the fit where it is, so it is not refitted).
    /// </summary>
    public static bool Changes(double rho, IEnumerable<double> matchupVotes)
    {
        ArgumentNullException.ThrowIfNull(matchupVotes);
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var votes in matchupVotes) (low, high) = (Math.Min(low, votes), Math.Max(high, votes));
        return rho > 0 && high > low;
    }

    /// <summary>How many independent votes a matchup with <paramref name="votes"/> votes is worth.</summary>
    public static double EffectiveVotes(double votes, double rho) => votes / (1 + Math.Max(0, votes - 1) * rho);

    /// <summary>What each of a matchup's <paramref name="votes"/> votes counts for in the fit (1 for a matchup without votes).</summary>
    public static double VoteWeight(double votes, double rho) => votes > 0 ? EffectiveVotes(votes, rho) / votes : 1;
}
