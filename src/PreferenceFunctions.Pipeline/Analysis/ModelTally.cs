namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Plain counts per model over matchups against other models: votes received (the seed post's votes per model),
/// weighted votes, matchups played, won and tied. "Won" uses the same votes as the scores (weighted or raw).
/// </summary>
internal sealed class ModelTally
{
    public int Votes { get; private set; }
    public double WeightedVotes { get; private set; }
    public int Pairs { get; private set; }
    public int PairsWon { get; private set; }
    public int PairsTied { get; private set; }

    public double WinRate => Pairs == 0 ? 0 : (double)PairsWon / Pairs;

    public static Dictionary<string, ModelTally> Count(IReadOnlyList<MatchupOutcome> outcomes, bool weighted)
    {
        var tallies = new Dictionary<string, ModelTally>(StringComparer.Ordinal);
        foreach (var o in outcomes)
        {
            var first = Get(tallies, o.Matchup.Model1);
            var second = Get(tallies, o.Matchup.Model2);
            if (ReferenceEquals(first, second)) continue;
            var side = weighted
                ? MatchupResults.Side(o.WeightedVotes1, o.WeightedVotes2)
                : MatchupResults.Side(o.Votes1, o.Votes2);
            first.Add(o.Votes1, o.WeightedVotes1, side, mySide: 1);
            second.Add(o.Votes2, o.WeightedVotes2, side, mySide: 2);
        }
        return tallies;
    }

    private static ModelTally Get(Dictionary<string, ModelTally> tallies, string model)
    {
        if (!tallies.TryGetValue(model, out var tally)) tallies[model] = tally = new ModelTally();
        return tally;
    }

    private void Add(int votes, double weightedVotes, int winningSide, int mySide)
    {
        Votes += votes;
        WeightedVotes += weightedVotes;
        Pairs++;
        if (winningSide == mySide) PairsWon++;
        else if (winningSide == 0) PairsTied++;
    }
}
