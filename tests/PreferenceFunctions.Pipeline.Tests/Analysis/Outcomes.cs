using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>Small builders for matchup outcomes in tests.</summary>
internal static class Outcomes
{
    public static MatchupOutcome Of(string id, string model1, string model2, int votes1, int votes2, double? weighted1 = null, double? weighted2 = null) =>
        new()
        {
            Matchup = new Matchup
            {
                Id = id,
                Prompt = $"prompt {id}",
                Image1 = $"{model1}_{id}_0.png",
                Image2 = $"{model2}_{id}_1.png",
                Model1 = model1,
                Model2 = model2,
            },
            Votes1 = votes1,
            Votes2 = votes2,
            WeightedVotes1 = weighted1 ?? votes1,
            WeightedVotes2 = weighted2 ?? votes2,
            BothVotes = 0,
            NeitherVotes = 0,
        };

    /// <summary>The outcome with another prompt.</summary>
    public static MatchupOutcome WithPrompt(this MatchupOutcome outcome, string prompt) =>
        outcome with { Matchup = outcome.Matchup with { Prompt = prompt } };

    /// <summary>Every field set, weighted votes that disagree with the raw ones, and a prompt that needs escaping everywhere.</summary>
    public static MatchupOutcome Detailed() =>
        Of("m/1", "flux", "sd3", 9, 6, weighted1: 3.25, weighted2: 5.5).WithPrompt("a \"red\" fox, naïve\non two lines") with
        {
            BothVotes = 2,
            NeitherVotes = 1,
            Details = [new VoteDetail("flux_m/1_0.png", "DE", "de", 0.8), new VoteDetail("sd3_m/1_1.png", "BR", "pt", null)],
        };

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
