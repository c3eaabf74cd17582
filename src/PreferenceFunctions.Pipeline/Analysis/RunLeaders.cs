namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Who leads a run. <see cref="Winner"/> is named only when the data says so: the top model's score interval lies wholly
/// above every other model's. Otherwise it is null and <see cref="Leaders"/> lists the models tied at the top (the top
/// model and every model whose interval reaches its lower bound). Models ranked in separate components cannot be
/// compared, so such a run has no winner and no leaders.
/// </summary>
public sealed record RunLeaders(string? Winner, IReadOnlyList<string> Leaders)
{
    public static RunLeaders None { get; } = new(null, []);

    public static RunLeaders Of(PreferenceAnalysis analysis) => analysis.Components == 1 ? Of(analysis.Models) : None;

    public static RunLeaders Of(IReadOnlyList<ModelScore> models)
    {
        if (models.Count == 0) return None;
        var byScore = models.OrderByDescending(m => m.Score).ThenBy(m => m.Model, StringComparer.Ordinal).ToList();
        var top = byScore[0];
        var tied = byScore.Skip(1).Where(m => m.ScoreHigh >= top.ScoreLow).Select(m => m.Model).ToList();
        return tied.Count == 0 ? new RunLeaders(top.Model, [top.Model]) : new RunLeaders(null, [top.Model, .. tied]);
    }
}
