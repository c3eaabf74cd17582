namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Bradley–Terry maximum likelihood for one connected component: P(i beats j) = p_i / (p_i + p_j), fitted to
/// vote counts with Hunter's (2004) MM update p_i &lt;- W_i / sum_j n_ij / (p_i + p_j), renormalised to mean log 0,
/// until no log-strength moves by more than the tolerance. When the estimate does not exist (the win graph is not
/// strongly connected: someone won or lost every vote against the rest), every compared pair gets 0.5 pseudo-votes
/// each way, which keeps the fit finite and changes well-determined scores very little.
/// </summary>
internal sealed class BradleyTerry
{
    public const double PseudoVotes = 0.5;

    private readonly int[] _pairs;
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly int[][] _pairsOf;  // local model -> indexes of its pairs, for linear-time reachability

    public BradleyTerry(PairwiseWins wins, int[] componentModels, int[] componentPairs)
    {
        Models = componentModels;
        _pairs = componentPairs;
        var local = new Dictionary<int, int>();
        for (var i = 0; i < componentModels.Length; i++) local[componentModels[i]] = i;
        _a = componentPairs.Select(k => local[wins.First[k]]).ToArray();
        _b = componentPairs.Select(k => local[wins.Second[k]]).ToArray();
        var pairsOf = componentModels.Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < _a.Length; k++)
        {
            pairsOf[_a[k]].Add(k);
            pairsOf[_b[k]].Add(k);
        }
        _pairsOf = pairsOf.Select(list => list.ToArray()).ToArray();
    }

    /// <summary>Global model indexes of this component, in the order of the fitted strengths.</summary>
    public int[] Models { get; }

    /// <summary>
    /// Fits the strengths to pair wins indexed like <see cref="PairwiseWins.First"/>, starting from
    /// <paramref name="start"/> log-strengths when given (bootstrap rounds start at the full-data fit and converge in
    /// a fraction of the iterations).
    /// </summary>
    public BradleyTerryFit Fit(double[] firstWins, double[] secondWins, double tolerance, int maxIterations, double[]? start = null)
    {
        int m = Models.Length, p = _pairs.Length;
        if (m == 1) return new BradleyTerryFit([0.0], 0, true, false);
        var winsA = new double[p];
        var winsB = new double[p];
        for (var k = 0; k < p; k++)
        {
            winsA[k] = firstWins[_pairs[k]];
            winsB[k] = secondWins[_pairs[k]];
        }
        var regularised = !IsStronglyConnected(m, winsA, winsB);
        if (regularised)
            for (var k = 0; k < p; k++) { winsA[k] += PseudoVotes; winsB[k] += PseudoVotes; }

        var totalWins = new double[m];
        for (var k = 0; k < p; k++) { totalWins[_a[k]] += winsA[k]; totalWins[_b[k]] += winsB[k]; }
        var logStrength = start is null ? new double[m] : (double[])start.Clone();
        var strength = logStrength.Select(Math.Exp).ToArray();
        var denominator = new double[m];
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Array.Clear(denominator);
            for (var k = 0; k < p; k++)
            {
                var share = (winsA[k] + winsB[k]) / (strength[_a[k]] + strength[_b[k]]);
                denominator[_a[k]] += share;
                denominator[_b[k]] += share;
            }
            double meanLog = 0;
            for (var i = 0; i < m; i++) meanLog += Math.Log(totalWins[i] / denominator[i]);
            meanLog /= m;
            double largestChange = 0;
            for (var i = 0; i < m; i++)
            {
                var next = Math.Log(totalWins[i] / denominator[i]) - meanLog;
                largestChange = Math.Max(largestChange, Math.Abs(next - logStrength[i]));
                logStrength[i] = next;
                strength[i] = Math.Exp(next);
            }
            if (largestChange <= tolerance) return new BradleyTerryFit(logStrength, iteration, true, regularised);
        }
        return new BradleyTerryFit(logStrength, maxIterations, false, regularised);
    }

    /// <summary>True when every model can be reached from model 0 along "beat" edges and along "lost to" edges.</summary>
    private bool IsStronglyConnected(int m, double[] winsA, double[] winsB) =>
        ReachesAll(m, winsA, winsB) && ReachesAll(m, winsB, winsA);

    private bool ReachesAll(int m, double[] forward, double[] backward)
    {
        var seen = new bool[m];
        var stack = new Stack<int>([0]);
        seen[0] = true;
        var count = 1;
        while (stack.TryPop(out var node))
            foreach (var k in _pairsOf[node])
            {
                var next = _a[k] == node && forward[k] > 0 ? _b[k] : _b[k] == node && backward[k] > 0 ? _a[k] : -1;
                if (next < 0 || seen[next]) continue;
                seen[next] = true;
                count++;
                stack.Push(next);
            }
        return count == m;
    }
}
