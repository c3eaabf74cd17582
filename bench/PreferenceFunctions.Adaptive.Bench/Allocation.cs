using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Adaptive.Bench;

/// <summary>The two ways to spend votes, each ending with the fitted ranking's Kendall tau against the true strengths.</summary>
internal static class Allocation
{
    public sealed record Outcome(int Votes, double Tau, int Rounds, double VoteCorrelation);

    /// <summary>Every matchup gets the same <paramref name="responses"/> votes.</summary>
    public static Outcome Uniform(SimulatedCrowd crowd, int responses)
    {
        var analysis = PreferenceAnalyzer.Analyze(crowd.Matchups.Select(m => Voted(m, crowd.Vote(m, responses))).ToList());
        return new Outcome(crowd.Matchups.Count * responses, Tau(crowd, analysis), 1, analysis.VoteCorrelation);
    }

    /// <summary>
    /// Every matchup with so many votes that the voters' noise is gone and only the images' remains: the best any
    /// allocation of votes over these matchups can do.
    /// </summary>
    public static Outcome Ceiling(SimulatedCrowd crowd)
    {
        const int Votes = 1_000_000;
        var outcomes = crowd.Matchups.Select(m =>
        {
            var first = (int)Math.Round(crowd.ExpectedShare(m) * Votes);
            return Voted(m, (first, Votes - first));
        }).ToList();
        var analysis = PreferenceAnalyzer.Analyze(outcomes, CeilingOptions);
        return new Outcome(0, Tau(crowd, analysis), 1, analysis.VoteCorrelation);
    }

    private static readonly AnalysisOptions CeilingOptions = new(BootstrapRounds: 0);

    /// <summary>The pipeline's rounds: <paramref name="firstResponses"/> for every matchup, then <see cref="RoundPlanner"/>
    /// on the merged votes (<see cref="RoundVotes"/>) round after round, as the run does it.</summary>
    public static Outcome Adaptive(SimulatedCrowd crowd, int firstResponses, AdaptiveSettings settings)
    {
        var byId = crowd.Matchups.ToDictionary(m => m.Id);
        IReadOnlyList<MatchupOutcome> outcomes = crowd.Matchups.Select(m => Voted(m, crowd.Vote(m, firstResponses))).ToList();
        var analysis = PreferenceAnalyzer.Analyze(outcomes);
        var extra = 0;
        var rounds = 1;
        for (; rounds < settings.Rounds; rounds++)
        {
            var picked = RoundPlanner.Pick(analysis, settings, settings.MaxExtraVotes - extra, rounds + 1);
            if (picked.Count == 0) break;
            var round = picked.Select(id => Voted(byId[id], crowd.Vote(byId[id], settings.ExtraResponses))).ToList();
            outcomes = RoundVotes.Merge(outcomes, [round]);
            extra += picked.Count * settings.ExtraResponses;
            analysis = PreferenceAnalyzer.Analyze(outcomes);
        }
        return new Outcome(crowd.Matchups.Count * firstResponses + extra, Tau(crowd, analysis), rounds, analysis.VoteCorrelation);
    }

    /// <summary>Kendall's tau-a between the fitted scores and the true strengths over all model pairs.</summary>
    public static double Tau(SimulatedCrowd crowd, PreferenceAnalysis analysis)
    {
        var scores = analysis.Models.ToDictionary(m => m.Model, m => m.Score);
        int concordant = 0, discordant = 0;
        for (var i = 0; i < crowd.Models.Length; i++)
            for (var j = i + 1; j < crowd.Models.Length; j++)
            {
                var fitted = Math.Sign(scores[crowd.Models[i]] - scores[crowd.Models[j]]);
                var truth = Math.Sign(crowd.TrueStrengths[i] - crowd.TrueStrengths[j]);
                if (fitted * truth > 0) concordant++;
                else if (fitted * truth < 0) discordant++;
            }
        var pairs = crowd.Models.Length * (crowd.Models.Length - 1) / 2;
        return (concordant - discordant) / (double)pairs;
    }

    private static MatchupOutcome Voted(Matchup matchup, (int Votes1, int Votes2) votes) => new()
    {
        Matchup = matchup,
        Votes1 = votes.Votes1,
        Votes2 = votes.Votes2,
        WeightedVotes1 = votes.Votes1,
        WeightedVotes2 = votes.Votes2,
        BothVotes = 0,
        NeitherVotes = 0,
    };
}
