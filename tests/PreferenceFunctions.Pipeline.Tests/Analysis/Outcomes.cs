using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>Small builders for matchup outcomes in tests.</summary>
internal static class Outcomes
{
    public static MatchupOutcome Of(string id, string model1, string model2, int votes1, int votes2, double? weighted1 = null, double? weighted2 = null) =>
        new(id, $"prompt {id}", $"{model1}_{id}_0.png", $"{model2}_{id}_1.png", model1, model2,
            votes1, votes2, weighted1 ?? votes1, weighted2 ?? votes2, 0, 0, null, null);

    /// <summary>Pair counts spread over several matchups, so the bootstrap has units to resample.</summary>
    public static IEnumerable<MatchupOutcome> Pair(string model1, string model2, int wins1, int wins2, int matchups = 5)
    {
        for (var m = 0; m < matchups; m++)
        {
            int share1 = wins1 / matchups + (m < wins1 % matchups ? 1 : 0), share2 = wins2 / matchups + (m < wins2 % matchups ? 1 : 0);
            yield return Of($"{model1}-{model2}-{m}", model1, model2, share1, share2);
        }
    }

    public static ModelScore Model(this PreferenceAnalysis analysis, string name) => analysis.Models.Single(m => m.Model == name);
}
