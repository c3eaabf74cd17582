namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// The votes of all matchups folded into wins per model pair (pair k: model <c>First[k]</c> &lt; <c>Second[k]</c>),
/// plus each counted matchup's own contribution so the bootstrap can resample matchups without touching the input.
/// Matchups of a model against itself and matchups without votes carry no ranking information and are not counted.
/// </summary>
internal sealed class PairwiseWins
{
    private PairwiseWins(string[] models, int[] first, int[] second, int[] matchupPair, double[] matchupFirst, double[] matchupSecond)
    {
        Models = models;
        First = first;
        Second = second;
        MatchupPair = matchupPair;
        MatchupFirstWins = matchupFirst;
        MatchupSecondWins = matchupSecond;
        FirstWins = new double[first.Length];
        SecondWins = new double[first.Length];
        for (var m = 0; m < matchupPair.Length; m++)
        {
            FirstWins[matchupPair[m]] += matchupFirst[m];
            SecondWins[matchupPair[m]] += matchupSecond[m];
        }
    }

    public string[] Models { get; }
    public int[] First { get; }
    public int[] Second { get; }
    public double[] FirstWins { get; }
    public double[] SecondWins { get; }
    public int[] MatchupPair { get; }
    public double[] MatchupFirstWins { get; }
    public double[] MatchupSecondWins { get; }
    public int PairCount => First.Length;

    /// <summary>
    /// Wins already summed per pair (model indexes into the ordinal-sorted <paramref name="models"/>, first &lt; second,
    /// each pair once); each pair stands for one resampling unit, which only pair-level resampling may use.
    /// </summary>
    public static PairwiseWins FromPairs(string[] models, IReadOnlyList<(int First, int Second, double FirstWins, double SecondWins)> pairs) =>
        new(models, [.. pairs.Select(p => p.First)], [.. pairs.Select(p => p.Second)], [.. Enumerable.Range(0, pairs.Count)],
            [.. pairs.Select(p => p.FirstWins)], [.. pairs.Select(p => p.SecondWins)]);

    /// <summary>Each matchup's wins times <paramref name="weight"/> of its vote count (see <see cref="MatchupVoteCorrelation"/>).</summary>
    public PairwiseWins Weighted(Func<double, double> weight)
    {
        var first = new double[MatchupPair.Length];
        var second = new double[MatchupPair.Length];
        for (var m = 0; m < MatchupPair.Length; m++)
        {
            var w = weight(MatchupFirstWins[m] + MatchupSecondWins[m]);
            first[m] = w * MatchupFirstWins[m];
            second[m] = w * MatchupSecondWins[m];
        }
        return new PairwiseWins(Models, First, Second, MatchupPair, first, second);
    }

    public static PairwiseWins Build(IReadOnlyList<MatchupOutcome> outcomes, bool weighted)
    {
        var models = outcomes.SelectMany(o => new[] { o.Matchup.Model1, o.Matchup.Model2 }).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();
        var index = models.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var pairIndex = new Dictionary<(int, int), int>();
        List<int> first = [], second = [], matchupPair = [];
        List<double> matchupFirst = [], matchupSecond = [];
        foreach (var o in outcomes)
        {
            int a = index[o.Matchup.Model1], b = index[o.Matchup.Model2];
            double winsA = weighted ? o.WeightedVotes1 : o.Votes1, winsB = weighted ? o.WeightedVotes2 : o.Votes2;
            if (a == b || winsA + winsB <= 0) continue;
            if (a > b) (a, b, winsA, winsB) = (b, a, winsB, winsA);
            if (!pairIndex.TryGetValue((a, b), out var k))
            {
                k = first.Count;
                pairIndex[(a, b)] = k;
                first.Add(a);
                second.Add(b);
            }
            matchupPair.Add(k);
            matchupFirst.Add(winsA);
            matchupSecond.Add(winsB);
        }
        return new PairwiseWins(models, [.. first], [.. second], [.. matchupPair], [.. matchupFirst], [.. matchupSecond]);
    }
}
