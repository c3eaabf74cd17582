using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Tests.Steps.Stage;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Rounds;

public sealed class AdaptiveSettingsTests
{
    private static (OrderSettings Settings, ProblemList Problems) Resolve(string orderJson)
    {
        var problems = new ProblemList(100);
        var file = OrderJsonReader.Read(orderJson, problems);
        return (OrderSettingsResolver.Resolve(new PreferenceOptions(), "set", file, null, problems), problems);
    }

    [Fact]
    public void Resolve_AdaptiveObject_MapsEveryFieldAndDefaultsTheRest()
    {
        var (full, fullProblems) = Resolve("""{ "adaptive": { "rounds": 4, "extraResponses": 6, "maxExtraVotes": 900, "stop": "pairs" } }""");
        var (empty, emptyProblems) = Resolve("""{ "adaptive": {} }""");
        var (none, _) = Resolve("""{ "criteria": "x" }""");
        var (budget, budgetProblems) = Resolve("""{ "adaptive": { "stop": "Budget" } }""");

        Assert.Equal(0, fullProblems.ErrorCount + emptyProblems.ErrorCount);
        Assert.Equal(new AdaptiveSettings(4, 6, 900, AdaptiveStop.Pairs), full.Adaptive);
        Assert.Equal(new AdaptiveSettings(3, 10, 5_000, AdaptiveStop.Ranking), empty.Adaptive);
        Assert.Null(none.Adaptive);
        Assert.Equal(0, budgetProblems.ErrorCount);
        Assert.Equal(AdaptiveStop.Budget, budget.Adaptive?.Stop);
    }

    [Theory]
    [InlineData("""{ "adaptive": 3 }""", "order.json, field adaptive: expected an object")]
    [InlineData("""{ "adaptive": { "rounds": 1 } }""", "order.json, field adaptive.rounds: 1 is outside 2..10")]
    [InlineData("""{ "adaptive": { "extraResponses": "ten" } }""", "order.json, field adaptive.extraResponses: expected a whole number, got \"ten\"")]
    [InlineData("""{ "adaptive": { "stop": "votes" } }""", "order.json, field adaptive.stop: expected \"ranking\", \"pairs\" or \"budget\", got \"votes\"")]
    [InlineData("""{ "adaptive": { "round": 3 } }""", "order.json, field adaptive.round: unknown key")]
    public void Resolve_BadAdaptiveValue_ErrorNamesTheField(string orderJson, string expected)
    {
        var (_, problems) = Resolve(orderJson);

        Assert.Contains(expected, problems.Single(ProblemCodes.OrderSetting).Message);
    }

    [Fact]
    public async Task CheckAsync_AdaptiveRun_CountsTheExtraVoteBudgetAgainstMaxVotesPerRun()
    {
        var folder = Path.Combine(Path.GetTempPath(), UniqueName.For("adaptive-votes"));
        DatasetGenerator.Generate(new GenerateDatasetRequest(folder, 20, 2, Seed: 1, Zip: false,
            OrderJson: """{ "responsesPerMatchup": 5, "adaptive": { "maxExtraVotes": 200 } }"""));
        try
        {
            var check = await LocalDatasetFolder.CheckAsync(folder, new DatasetOptions(), new PreferenceOptions { MaxVotesPerRun = 299 },
                CancellationToken.None);

            Assert.Equal(300, check.Report.Counts.Votes);
            var problem = Assert.Single(check.Report.Problems, p => p.Code == ProblemCodes.TooManyVotes);
            Assert.Contains("300 votes (20 matchups x 5 responses + adaptive.maxExtraVotes 200)", problem.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
