using System.Globalization;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>The votes a datapoint receives: Bradley–Terry on hidden strengths, from seeded annotators, stopped by the referee.</summary>
/// <remarks>Nothing runs in the background: a datapoint's vote sequence is a pure function of the seed and its content,
/// and the order's clock only decides how much of it has "arrived".</remarks>
internal sealed class CrowdSimulator(EmulatorOptions options)
{
    private readonly Lock poolLock = new();
    private (int Seed, int Count, double Share) poolKey;
    private AnnotatorPool? pool;

    public List<Vote> Votes(OrderRecord order, DatapointRecord datapoint, int limit = int.MaxValue)
    {
        var crowd = options.Crowd;
        var annotators = Pool(crowd);
        var random = new Random(StableHash.Seed(
            crowd.Seed, order.Name, datapoint.OrderKey.ToString(CultureInfo.InvariantCulture), datapoint.Options[0], datapoint.Options[1]));
        var strengthA = StrengthModel.Of(datapoint.Options[0], crowd);
        var strengthB = StrengthModel.Of(datapoint.Options[1], crowd);
        var chanceA = strengthA / (strengthA + strengthB);
        var votes = new List<Vote>(Math.Min(order.Referee.MaxVotes, limit));
        int a = 0, b = 0;
        while (votes.Count < limit && !RefereeRules.IsDone(order.Referee, a, b, votes.Count))
        {
            // Always three draws per vote, so settings never shift the rest of the sequence.
            var annotator = annotators[random.Next(annotators.Count)];
            var unsureRoll = random.NextDouble();
            var pick = random.NextDouble();
            var choice = order.AllowUnsure && unsureRoll < crowd.UnsureShare ? (pick < 0.5 ? Vote.Both : Vote.Neither)
                : annotator.VotesAtRandom ? (pick < 0.5 ? 0 : 1)
                : pick < chanceA ? 0 : 1;
            a += choice == 0 ? 1 : 0;
            b += choice == 1 ? 1 : 0;
            votes.Add(new Vote(choice, annotator));
        }

        return votes;
    }

    /// <summary>How many votes each datapoint will get once the order completes.</summary>
    public int[] PlanVotes(OrderRecord order, IReadOnlyList<DatapointRecord> ordered)
    {
        var planned = new int[ordered.Count];
        Parallel.For(0, ordered.Count, i => planned[i] = Votes(order, ordered[i]).Count);
        return planned;
    }

    private AnnotatorPool Pool(CrowdOptions crowd)
    {
        var key = (crowd.Seed, crowd.AnnotatorCount, crowd.LowScoreVoterShare);
        lock (poolLock)
        {
            if (pool is null || poolKey != key)
            {
                pool = new AnnotatorPool(key.Seed, key.AnnotatorCount, key.LowScoreVoterShare);
                poolKey = key;
            }

            return pool;
        }
    }
}
