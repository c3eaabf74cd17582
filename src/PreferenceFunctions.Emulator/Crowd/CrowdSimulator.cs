using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>The simulated crowd: hands out sessions that draw votes, and plans how many votes each datapoint gets.</summary>
/// <remarks>Nothing runs in the background: a datapoint's vote sequence is a pure function of the seed and its content,
/// and the order's clock only decides how much of it has "arrived".</remarks>
internal sealed class CrowdSimulator(EmulatorOptions options)
{
    private readonly Lock poolLock = new();
    private (int Seed, int Count, double Share) poolKey;
    private AnnotatorPool? pool;

    /// <summary>Freezes the current crowd settings for one computation (a results document, a vote plan).</summary>
    public CrowdSession Begin()
    {
        var crowd = options.Crowd;
        return new CrowdSession(crowd, Pool(crowd));
    }

    /// <summary>How many votes each datapoint will get once the order completes.</summary>
    public int[] PlanVotes(OrderRecord order, IReadOnlyList<DatapointRecord> ordered)
    {
        var session = Begin();
        var planned = new int[ordered.Count];
        Parallel.For(0, ordered.Count, i => planned[i] = session.Votes(order, ordered[i]).Count);
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
