namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Models and the matchup graph between them. Groups are the graph's connected components: scores of models in
/// different groups cannot be compared, since no vote ever weighed one against the other.
/// </summary>
internal sealed record ModelGraph(IReadOnlyList<ModelSummary> Models, IReadOnlyList<ModelPairCount> Pairs, IReadOnlyList<IReadOnlyList<string>> Groups)
{
    public static ModelGraph From(IReadOnlyList<MatchupRow> matchups)
    {
        var images = new Dictionary<string, HashSet<object>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), int>();
        foreach (var m in matchups)
        {
            Count(m.Model1, m.Image1);
            Count(m.Model2, m.Image2);
            if (m.Model1 != m.Model2) counts[m.Model2] = counts.GetValueOrDefault(m.Model2) + 1;
            counts[m.Model1] = counts.GetValueOrDefault(m.Model1) + 1;
            var key = string.CompareOrdinal(m.Model1, m.Model2) <= 0 ? (m.Model1, m.Model2) : (m.Model2, m.Model1);
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
        }
        var models = images.Keys.Order(StringComparer.Ordinal).Select(n => new ModelSummary(n, images[n].Count, counts[n])).ToList();
        var edges = pairs.Select(p => new ModelPairCount(p.Key.Item1, p.Key.Item2, p.Value))
            .OrderBy(p => p.Model1, StringComparer.Ordinal).ThenBy(p => p.Model2, StringComparer.Ordinal).ToList();
        return new ModelGraph(models, edges, Components(models.Select(m => m.Name), edges));

        void Count(string model, object image)
        {
            if (!images.TryGetValue(model, out var set)) images[model] = set = new HashSet<object>(ReferenceEqualityComparer.Instance);
            set.Add(image);
        }
    }

    private static List<IReadOnlyList<string>> Components(IEnumerable<string> models, IEnumerable<ModelPairCount> edges)
    {
        var parent = models.ToDictionary(m => m, m => m, StringComparer.Ordinal);
        string Root(string m) => parent[m] == m ? m : parent[m] = Root(parent[m]);
        foreach (var e in edges) parent[Root(e.Model1)] = Root(e.Model2);
        return [.. parent.Keys.GroupBy(Root).Select(g => (IReadOnlyList<string>)[.. g.Order(StringComparer.Ordinal)]).OrderBy(g => g[0], StringComparer.Ordinal)];
    }
}
