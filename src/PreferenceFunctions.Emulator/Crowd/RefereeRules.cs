using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>When a referee stops collecting votes for a datapoint.</summary>
internal static class RefereeRules
{
    /// <param name="a">Votes for the first option.</param>
    /// <param name="b">Votes for the second option.</param>
    /// <param name="total">All votes so far, Both/Neither included.</param>
    public static bool IsDone(RefereeSpec referee, int a, int b, int total)
    {
        if (total >= referee.MaxVotes)
        {
            return true;
        }

        return referee.Kind switch
        {
            // Quorum t of n: stop when one side has t votes, or when neither side can reach t any more.
            RefereeSpec.Quorum => a >= referee.Threshold || b >= referee.Threshold
                || (a >= referee.MaxVotes - referee.Threshold + 1 && b >= referee.MaxVotes - referee.Threshold + 1),
            RefereeSpec.EarlyStopping => a + b > 0 && Confidence(a, b) >= referee.Threshold,
            _ => false,
        };
    }

    // Posterior probability (uniform prior) that the leading option is the preferred one:
    // P(p > 1/2 | a, b) = P(Binomial(a + b + 1, 1/2) <= a).
    private static double Confidence(int a, int b)
    {
        var n = a + b + 1;
        double cumulative = 0, term = Math.Pow(0.5, n);
        for (var k = 0; k <= a; k++)
        {
            cumulative += term;
            term = term * (n - k) / (k + 1);
        }

        return Math.Max(cumulative, 1 - cumulative);
    }
}
