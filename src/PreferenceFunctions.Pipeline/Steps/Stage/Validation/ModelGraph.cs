namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Models and the matchup graph between them. Groups are the graph's connected components: scores of models in
/// different groups cannot be compared, since no vote ever weighed one against the other.
/// </summary>
internal sealed record ModelGraph(IReadOnlyList<ModelSummary> Models, IReadOnlyList<ModelPairCount> Pairs, IReadOnlyList<IReadOnlyList<string>> Groups)
{
    public static ModelGraph From(MatchupTally tally)
    {
        var (totals, pairs) = tally.Totals();
        var models = totals.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var edges = pairs.OrderBy(p => p.Model1, StringComparer.Ordinal).ThenBy(p => p.Model2, StringComparer.Ordinal).ToList();
        return new ModelGraph(models, edges, Components(models.Select(m => m.Name), edges));
    }

    private static List<IReadOnlyList<string>> Components(IEnumerable<string> models, IEnumerable<ModelPairCount> edges)
    {
        var parent = models.ToDictionary(m => m, m => m, StringComparer.Ordinal);
        string Root(string m) => parent[m] == m ? m : parent[m] = Root(parent[m]);
        foreach (var e in edges) parent[Root(e.Model1)] = Root(e.Model2);
        return [.. parent.Keys.GroupBy(Root).Select(g => (IReadOnlyList<string>)[.. g.Order(StringComparer.Ordinal)]).OrderBy(g => g[0], StringComparer.Ordinal)];
    }
}
