using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>The Bradley–Terry scores against answers obtained independently of the MM fit.</summary>
public sealed class BradleyTerryReferenceTests
{
    private static readonly AnalysisOptions NoBootstrap = new(BootstrapRounds: 0);

    [Fact]
    public void Analyze_TwoModels_MatchesClosedForm()
    {
        // Two models: the MLE is p = w / (w + l), so the score gap is 400 * log10(w / l), split around the mean 1000.
        var analysis = PreferenceAnalyzer.Analyze([.. Outcomes.Pair("flux", "sd3", 30, 10)], NoBootstrap);

        var gap = 400 * Math.Log10(30.0 / 10.0);
        Assert.Equal(1000 + gap / 2, analysis.Model("flux").Score, 9);
        Assert.Equal(1000 - gap / 2, analysis.Model("sd3").Score, 9);
    }

    [Fact]
    public void Analyze_TwoModelsWithReference_PinsReferenceAt1000()
    {
        var analysis = PreferenceAnalyzer.Analyze([.. Outcomes.Pair("flux", "sd3", 30, 10)], NoBootstrap with { ReferenceModel = "sd3" });

        Assert.Equal(1000, analysis.Model("sd3").Score, 9);
        Assert.Equal(1000 + 400 * Math.Log10(3), analysis.Model("flux").Score, 9);
    }

    [Fact]
    public void Analyze_ThreeModelsWorkedByHand_RecoversStrengths4To2To1()
    {
        // Observed shares equal those of strengths 4:2:1 (a/b 20:10, b/c 20:10, a/c 40:10). Check by hand that the
        // likelihood equations W_i = sum_j n_ij p_i / (p_i + p_j) hold: a: 30*4/6 + 50*4/5 = 20 + 40 = 60 = 20 + 40 wins;
        // b: 30*2/6 + 30*2/3 = 10 + 20 = 30 wins; c: 30*1/3 + 50*1/5 = 10 + 10 = 20 wins. So the MLE is 4:2:1, the
        // geometric mean is 2, and the scores are 1000 + 400*log10(4/2), 1000, 1000 + 400*log10(1/2).
        MatchupOutcome[] outcomes = [.. Outcomes.Pair("a", "b", 20, 10), .. Outcomes.Pair("b", "c", 20, 10), .. Outcomes.Pair("a", "c", 40, 10)];

        var analysis = PreferenceAnalyzer.Analyze(outcomes, NoBootstrap);

        Assert.Equal(1120.411998, analysis.Model("a").Score, 6);
        Assert.Equal(1000.0, analysis.Model("b").Score, 6);
        Assert.Equal(879.588002, analysis.Model("c").Score, 6);
        Assert.Equal(["a", "b", "c"], analysis.Models.Select(m => m.Model));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Analyze_RandomTournament_AgreesWithLogisticRegressionTo1e6(bool weighted)
    {
        var random = new Random(7);
        string[] models = ["m0", "m1", "m2", "m3", "m4", "m5"];
        var outcomes = Enumerable.Range(0, 300).Select(i =>
        {
            int a = random.Next(models.Length), b = (a + 1 + random.Next(models.Length - 1)) % models.Length;
            int v1 = random.Next(1, 12 + 3 * a), v2 = random.Next(1, 12 + 3 * b);
            return Outcomes.Of($"x{i}", models[a], models[b], v1, v2, v1 * (0.5 + random.NextDouble()), v2 * (0.5 + random.NextDouble()));
        }).ToList();

        var analysis = PreferenceAnalyzer.Analyze(outcomes, NoBootstrap with { UseWeightedVotes = weighted });
        // Random vote counts are over-dispersed: the analysis discounts each matchup's votes by its estimated correlation.
        var rho = analysis.VoteCorrelation;
        var beta = LogisticRegression.FitPairwise(outcomes, models, weighted, n => MatchupVoteCorrelation.EffectiveVotes(n, rho) / n);

        var pointsPerLog = 400 / Math.Log(10);
        for (var i = 1; i < models.Length; i++)
        {
            var fitted = (analysis.Model(models[i]).Score - analysis.Model(models[0]).Score) / pointsPerLog;
            Assert.Equal(beta[i], fitted, 1e-6);
        }
    }
}
