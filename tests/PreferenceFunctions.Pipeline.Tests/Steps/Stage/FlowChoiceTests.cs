using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>Which flow a dataset's run uses, its audience, and the keys that belong to the other flow.</summary>
public sealed class FlowChoiceTests
{
    private static (OrderSettings Settings, ProblemList Problems) Resolve(string? orderJson, PreferenceOptions? defaults = null)
    {
        var problems = new ProblemList(100);
        var file = orderJson is null ? null : OrderJsonReader.Read(orderJson, problems);
        return (OrderSettingsResolver.Resolve(defaults ?? new PreferenceOptions(), "my-set", file, null, problems), problems);
    }

    [Fact]
    public void Resolve_NoFlowNoValidationSet_UsesTheJobFlowWithTheGlobalAudience()
    {
        var (settings, problems) = Resolve("""{ "name": "x" }""");

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(RapidataFlow.Jobs, settings.Flow);
        Assert.Equal("global", settings.Audience!.Id);
    }

    [Theory]
    [InlineData("""{ "validationSetId": "66d0e7ea8c33f56b460ea91f" }""")]
    [InlineData("""{ "flow": "orders", "filters": [ { "_t": "CountryFilter", "countries": ["US"] } ] }""")]
    public void Resolve_ValidationSetOrFlowOrders_UsesTheOrderFlowWithoutAudience(string orderJson)
    {
        var (settings, problems) = Resolve(orderJson);

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(RapidataFlow.Orders, settings.Flow);
        Assert.Null(settings.Audience);
    }

    [Fact]
    public void Resolve_ConfiguredValidationSet_UsesTheOrderFlow()
    {
        var (settings, _) = Resolve(null, new PreferenceOptions { ValidationSetId = "66d0e7ea8c33f56b460ea91f" });

        Assert.Equal((RapidataFlow.Orders, "66d0e7ea8c33f56b460ea91f"), (settings.Flow, settings.ValidationSetId));
    }

    [Theory]
    [InlineData("""{ "flow": "jobs", "validationSetId": "v1" }""", "validationSetId", "validation sets belong to the order flow")]
    [InlineData("""{ "filters": [ { "_t": "CountryFilter", "countries": ["US"] } ] }""", "filters", "in the job flow filters belong to the audience")]
    [InlineData("""{ "validationSetId": "v1", "audience": "global" }""", "audience", "audiences belong to the job flow")]
    [InlineData("""{ "flow": "crowd" }""", "flow", "expected \"jobs\" or \"orders\"")]
    public void Resolve_KeyOfTheOtherFlow_ErrorSaysWhereItBelongs(string orderJson, string field, string says)
    {
        var (_, problems) = Resolve(orderJson);

        var problem = Assert.Single(problems.Listed, p => p.Code == ProblemCodes.OrderSetting);
        Assert.Equal(field, problem.Column);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CustomAudience_ReadsFiltersAndGraduationRule()
    {
        var (settings, problems) = Resolve("""
            { "audience": { "name": "prompt experts", "filters": [ { "_t": "CountryFilter", "countries": ["DE"] } ],
                            "targetAccuracy": 0.8, "minTasks": 5 } }
            """);

        Assert.Equal(0, problems.ErrorCount);
        var audience = settings.Audience!;
        Assert.True(audience.IsCustom);
        Assert.Equal(("prompt experts", 0.8, 5), (audience.Name, audience.TargetAccuracy, audience.MinTasks));
        Assert.Equal("CountryFilter", audience.Filters![0]["_t"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_CustomAudienceWithExamples_ReadsThem()
    {
        var (settings, problems) = Resolve("""
            { "audience": { "name": "prompt experts",
                            "examples": [ { "prompt": "a red bicycle", "image1": "flux/a.png", "image2": "sd/b.png", "winner": 2 } ] } }
            """);

        Assert.Equal(new AudienceExample("a red bicycle", "flux/a.png", "sd/b.png", 2), Assert.Single(settings.Audience!.Examples!));
        Assert.Equal(0, problems.ErrorCount);
    }

    [Fact]
    public void Resolve_CustomAudienceWithBadExampleAndFilter_NamesEachField()
    {
        var (_, problems) = Resolve("""
            { "audience": { "name": "x", "filters": [ { "_t": "UserScoreFilter" } ],
                            "examples": [ { "prompt": "p", "image1": "a.png", "image2": "a.png", "winner": 3 } ] } }
            """);

        var messages = problems.Listed.Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.Contains("audience.filters[0]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("audience.examples[0].winner", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("audience.examples[0].image2: the same image", StringComparison.Ordinal));
    }
}
