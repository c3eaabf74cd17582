using System.Text;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>
/// The seed post's notebook (get_df_from_results, get_votes_per_model), worked by hand for a fixed document, must
/// give the same per-matchup votes and ratio and per-model totals as what a run writes.
/// </summary>
public sealed class SeedMethodTests
{
    private const string Document = """
        {"info":{"createdAt":"2026-08-01T09:30:00+00:00","version":"4.1.0","type":"Compare","name":"seed","instruction":"Which image fits the description better?"},
         "results":[
          {"context":"a fox","winner":"flux_1_0.png","winnerIndex":0,
           "aggregatedResults":{"flux_1_0.png":10,"stable_diffusion_1_1.png":5},
           "summedUserScores":{"flux_1_0.png":6.5,"stable_diffusion_1_1.png":4.0},"privateMetadata":{"matchupId":"m1"}},
          {"context":"a lighthouse","winner":"stable_diffusion_2_0.png","winnerIndex":0,
           "aggregatedResults":{"stable_diffusion_2_0.png":12,"flux_2_1.png":3},
           "summedUserScores":{"stable_diffusion_2_0.png":9.0,"flux_2_1.png":2.5},"privateMetadata":{"matchupId":"m2"}},
          {"context":"a city","winner":null,"winnerIndex":null,
           "aggregatedResults":{"flux_3_0.png":7,"stable_diffusion_3_1.png":7,"Both":1},
           "summedUserScores":{"flux_3_0.png":3.0,"stable_diffusion_3_1.png":5.5,"Both":0.5},"privateMetadata":{"matchupId":"m3"}}],
         "summary":{"A_wins_total":1,"B_wins_total":0}}
        """;

    [Fact]
    public async Task Analysis_FixedDocument_MatchesTheSeedNotebookWorkedByHand()
    {
        var document = await CompareResultsDocument.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(Document)));

        var analysis = PreferenceAnalyzer.Analyze(MatchupOutcomeBuilder.Build(document), new AnalysisOptions(BootstrapRounds: 0));

        // By hand, as the notebook: votes per model per row, ratio = max / sum, then column sums.
        //   m1: flux 10, stable_diffusion 5  -> ratio 10/15
        //   m2: flux 3,  stable_diffusion 12 -> ratio 12/15
        //   m3: flux 7,  stable_diffusion 7  -> ratio 7/14 (the Both vote is not a vote for either model)
        //   totals: flux 20, stable_diffusion 24
        var byId = analysis.Matchups.ToDictionary(m => m.Matchup.Id);
        AssertVotes(byId["m1"], flux: 10, sd: 5, ratio: 10.0 / 15);
        AssertVotes(byId["m2"], flux: 3, sd: 12, ratio: 12.0 / 15);
        AssertVotes(byId["m3"], flux: 7, sd: 7, ratio: 0.5);
        Assert.Equal(1, byId["m3"].BothVotes);
        Assert.True(byId["m3"].Tie);
        Assert.Equal(["m2", "m1", "m3"], analysis.Matchups.Select(m => m.Matchup.Id)); // sorted by ratio, as the notebook
        var models = analysis.Models.ToDictionary(m => m.Model);
        Assert.Equal(20, models["flux"].Votes);
        Assert.Equal(24, models["stable_diffusion"].Votes);
        Assert.Equal(1, models["flux"].PairsWon);
        Assert.Equal(1, models["stable_diffusion"].PairsWon);
        // Weighted: m3's raw tie is won by stable_diffusion on user scores (5.5 > 3.0).
        Assert.Equal("stable_diffusion", byId["m3"].WeightedWinner);
        Assert.True(byId["m3"].Disagreement);
    }

    private static void AssertVotes(MatchupResult m, int flux, int sd, double ratio)
    {
        var votes = new Dictionary<string, int> { [m.Matchup.Model1] = m.Votes1, [m.Matchup.Model2] = m.Votes2 };
        Assert.Equal(flux, votes["flux"]);
        Assert.Equal(sd, votes["stable_diffusion"]);
        Assert.Equal(ratio, m.Ratio, 12);
    }
}
