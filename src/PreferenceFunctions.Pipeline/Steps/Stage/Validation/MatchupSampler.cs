namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Picks <c>sample</c> matchups the way the seed post's <c>df.sample(40)</c> does, but reproducibly: the same seed
/// always picks the same rows (System.Random with a seed is stable across runs). The picked rows keep file order.
/// </summary>
internal static class MatchupSampler
{
    /// <summary>The seed used when order.json sets <c>sample</c> without <c>seed</c>: a rerun must pick the same rows.</summary>
    public const int DefaultSeed = 0;

    public static IReadOnlyList<MatchupRow> Sample(IReadOnlyList<MatchupRow> matchups, int? sample, int? seed)
    {
        if (sample is not { } n || n >= matchups.Count) return matchups;
        var random = new Random(seed ?? DefaultSeed);
        var indexes = Enumerable.Range(0, matchups.Count).ToArray();
        for (var i = 0; i < n; i++) // partial Fisher-Yates: the first n slots become the sample
        {
            var j = random.Next(i, indexes.Length);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }
        return [.. indexes.Take(n).Order().Select(i => matchups[i])];
    }
}
