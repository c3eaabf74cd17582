using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>Votes of one matchup share its images: the fit discounts them by the correlation it estimates.</summary>
public sealed class MatchupVoteCorrelationTests
{
    private static readonly AnalysisOptions NoBootstrap = new(BootstrapRounds: 0);
    private static readonly string[] Models = ["m0", "m1", "m2", "m3", "m4", "m5"];
    private static readonly double[] TrueLogStrengths = [0, 0.3, 0.45, 0.9, 1.0, 1.5];

    [Fact]
    public void Analyze_EqualVotesPerMatchup_SameScoresAsThePlainFitTo1e9()
    {
        var outcomes = Crowd(new Random(3), imageNoise: 0.6, _ => 12);

        var analysis = PreferenceAnalyzer.Analyze(outcomes, NoBootstrap);
        var plain = PlainScores(outcomes);

        Assert.True(analysis.VoteCorrelation > 0.02, $"rho {analysis.VoteCorrelation}");
        for (var i = 0; i < Models.Length; i++) Assert.Equal(plain[i], analysis.Model(Models[i]).Score, 1e-9);
    }

    [Fact]
    public void Analyze_BinomialVotes_CorrelationNearZero()
    {
        var outcomes = Crowd(new Random(5), imageNoise: 0, random => random.Next(2) == 0 ? 5 : 60);

        Assert.InRange(PreferenceAnalyzer.Analyze(outcomes, NoBootstrap).VoteCorrelation, 0, 0.01);
    }

    [Fact]
    public void Analyze_OverDispersedVotesPiledOnFewMatchups_SmallerErrorThanThePlainFit()
    {
        // Most matchups have 5 votes, one in ten has 150 (as after adaptive rounds): the plain fit lets those few
        // matchups' images decide, the discounted fit does not.
        double weightedError = 0, plainError = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var outcomes = Crowd(new Random(seed), imageNoise: 0.5, random => random.Next(10) == 0 ? 150 : 5);
            var analysis = PreferenceAnalyzer.Analyze(outcomes, NoBootstrap);
            weightedError += SquaredError(Models.Select(m => analysis.Model(m).Score).ToArray());
            plainError += SquaredError(PlainScores(outcomes));
        }

        Assert.True(weightedError < 0.8 * plainError, $"weighted {weightedError:F4}, plain {plainError:F4}");
    }

    [Fact]
    public void Analyze_LeaderboardOfOverDispersedMatchups_SameScoresAsTheMatchupAnalysis()
    {
        var outcomes = Crowd(new Random(9), imageNoise: 0.5, random => random.Next(4) == 0 ? 40 : 5);
        var analysis = PreferenceAnalyzer.Analyze(outcomes);

        // Each matchup as a split of its pair, the pair's models in ordinal order.
        var counts = analysis.Matchups
            .Select(m => string.CompareOrdinal(m.Matchup.Model1, m.Matchup.Model2) < 0
                ? (m.Matchup.Model1, m.Matchup.Model2, Split: new MatchupSplit(m.Votes1, m.Votes2, 1))
                : (m.Matchup.Model2, m.Matchup.Model1, Split: new MatchupSplit(m.Votes2, m.Votes1, 1)))
            .GroupBy(x => (x.Item1, x.Item2))
            .Select(g => new PairCounts(g.Key.Item1, g.Key.Item2, [.. g.Select(x => x.Split)]))
            .ToList();
        var scores = PairCountAnalyzer.Analyze(counts);

        Assert.True(analysis.VoteCorrelation > 0.02, $"rho {analysis.VoteCorrelation}");
        foreach (var model in analysis.Models) Assert.Equal(model.Score, scores.Single(s => s.Model == model.Model).Score, 6);
    }

    /// <summary>300 matchups; each image's log strength is its model's plus imageNoise x N(0,1); votes are binomial.</summary>
    internal static List<MatchupOutcome> Crowd(Random random, double imageNoise, Func<Random, int> votes)
    {
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return [.. Enumerable.Range(0, 300).Select(i =>
        {
            int a = random.Next(Models.Length), b = (a + 1 + random.Next(Models.Length - 1)) % Models.Length;
            var gap = TrueLogStrengths[a] - TrueLogStrengths[b] + imageNoise * (Gaussian() - Gaussian());
            var chance = 1 / (1 + Math.Exp(-gap));
            var n = votes(random);
            var first = Enumerable.Range(0, n).Count(_ => random.NextDouble() < chance);
            return Outcomes.Of($"x{i:D3}", Models[a], Models[b], first, n - first);
        })];
    }

    /// <summary>The Bradley–Terry fit that counts every vote alike (as before the discount), by model index.</summary>
    private static double[] PlainScores(IReadOnlyList<MatchupOutcome> outcomes)
    {
        var wins = PairwiseWins.Build(outcomes, weighted: false);
        var fit = new ComponentScores(wins, ComparisonComponents.Find(wins), NoBootstrap).Fit(wins.FirstWins, wins.SecondWins);
        return Models.Select(m => fit.Scores[Array.IndexOf(wins.Models, m)]).ToArray();
    }

    /// <summary>Squared error of the log strengths (mean 0) against the truth.</summary>
    private static double SquaredError(double[] scores)
    {
        var fitted = scores.Select(s => s * MatchupVoteCorrelation.NaturalLogPerPoint).ToArray();
        var truthMean = TrueLogStrengths.Average();
        var fittedMean = fitted.Average();
        return fitted.Select((f, i) => Math.Pow(f - fittedMean - (TrueLogStrengths[i] - truthMean), 2)).Sum();
    }
}
