namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Connected components of the graph "models are linked when they were compared with at least one vote".
/// Scores on different components cannot be compared, so each component is fitted and ranked on its own.
/// Component ids start at 1, largest component first (ties by first model name).
/// </summary>
internal sealed class ComparisonComponents
{
    private ComparisonComponents(int[] componentOf, int[][] models, int[][] pairs)
    {
        ComponentOf = componentOf;
        Models = models;
        Pairs = pairs;
    }

    /// <summary>Component id (1-based) of every model.</summary>
    public int[] ComponentOf { get; }

    /// <summary>Model indexes of component id c at <c>Models[c - 1]</c>.</summary>
    public int[][] Models { get; }

    /// <summary>Pair indexes of component id c at <c>Pairs[c - 1]</c>.</summary>
    public int[][] Pairs { get; }

    public int Count => Models.Length;

    public static ComparisonComponents Find(PairwiseWins wins)
    {
        var parent = Enumerable.Range(0, wins.Models.Length).ToArray();
        for (var k = 0; k < wins.PairCount; k++) parent[Root(parent, wins.First[k])] = Root(parent, wins.Second[k]);

        var groups = Enumerable.Range(0, parent.Length).GroupBy(i => Root(parent, i))
            .Select(g => g.ToArray())
            .OrderByDescending(g => g.Length).ThenBy(g => wins.Models[g[0]], StringComparer.Ordinal)
            .ToArray();
        var componentOf = new int[parent.Length];
        for (var c = 0; c < groups.Length; c++)
            foreach (var model in groups[c]) componentOf[model] = c + 1;
        var pairs = groups.Select((_, c) => Enumerable.Range(0, wins.PairCount)
            .Where(k => componentOf[wins.First[k]] == c + 1).ToArray()).ToArray();
        return new ComparisonComponents(componentOf, groups, pairs);
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
