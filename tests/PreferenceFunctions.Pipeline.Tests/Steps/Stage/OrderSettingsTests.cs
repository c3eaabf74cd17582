using System.Text.Json.Nodes;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class OrderSettingsTests
{
    private static (OrderSettings Settings, ProblemList Problems) Resolve(string? orderJson, OrderSettingsOverrides? request = null, PreferenceOptions? defaults = null)
    {
        var problems = new ProblemList(100);
        var file = orderJson is null ? null : OrderJsonReader.Read(orderJson, problems);
        return (OrderSettingsResolver.Resolve(defaults ?? new PreferenceOptions(), "my-set", file, request, problems), problems);
    }

    [Fact]
    public void Resolve_NoOrderJson_UsesDefaultsAndFolderName()
    {
        var (settings, problems) = Resolve(null, defaults: new PreferenceOptions { ValidationSetId = "66d0e7ea8c33f56b460ea91f" });

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(("my-set", "Which image fits the description better?", 15, "66d0e7ea8c33f56b460ea91f"), (settings.Name, settings.Criteria, settings.ResponsesPerMatchup, settings.ValidationSetId));
        Assert.Equal(new RefereeSettings(RefereeKind.Naive, null), settings.Referee);
    }

    [Fact]
    public void Resolve_FullOrderJson_MapsEveryField()
    {
        var (settings, problems) = Resolve("""
            { "name": "Benchmark Demo", "criteria": "Which image looks better?", "responsesPerMatchup": 9, "validationSetId": "v1",
              "sample": 40, "seed": 7, "quorumThreshold": 6, "webhook": "https://hooks.example.org/x",
              "filters": [ { "_t": "CountryFilter", "countries": ["US", "DE"] }, { "_t": "NotFilter", "filter": { "_t": "AgeFilter", "ageGroups": ["0-17"] } } ],
              "settings": { "AllowNeitherBoth": 1000, "NoShuffle": true } }
            """);

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(("Benchmark Demo", "Which image looks better?", 9, 40, 7), (settings.Name, settings.Criteria, settings.ResponsesPerMatchup, settings.Sample, settings.Seed));
        Assert.Equal(new RefereeSettings(RefereeKind.Quorum, 6), settings.Referee);
        Assert.Equal("CountryFilter", settings.Filters[0]["_t"]!.GetValue<string>());
        Assert.Equal([new FeatureFlag("compare_unsure", "1000"), new FeatureFlag("no_shuffle", "true")], settings.FeatureFlags);
    }

    [Fact]
    public void Read_UnknownKeys_AreAnErrorNamingEachKey()
    {
        var (_, problems) = Resolve("""{ "criteria": "x", "respones": 15, "colour": "red" }""");

        var problem = problems.Single(ProblemCodes.OrderUnknownKey);
        Assert.StartsWith("order.json: unknown key(s) \"respones\", \"colour\"; known keys: name, criteria", problem.Message);
    }

    [Fact]
    public void Read_InvalidJson_ReportsLine()
    {
        var (_, problems) = Resolve("{\n  \"criteria\": \"x\",,\n}");

        Assert.Contains("order.json: not valid JSON (line 2", problems.Single(ProblemCodes.OrderJson).Message);
    }

    [Fact]
    public void Decode_Latin1ByteInCriteria_IsNotUtf8NamingLineAndByteOffset()
    {
        var problems = new ProblemList(100);

        var text = OrderJsonReader.Decode([.. "{\n  \"criteria\": \"Which caf"u8, 0xE9, .. " looks better?\"\n}"u8], problems);

        Assert.Null(text);
        var problem = problems.Single(ProblemCodes.NotUtf8);
        Assert.Equal("order.json: not valid UTF-8 at line 2, byte offset 26 (bytes E9); save the file as UTF-8", problem.Message);
        Assert.Equal(("order.json", 2), (problem.File, problem.Line));
    }

    [Fact]
    public void Decode_TruncatedSequenceAfterBom_CountsTheBomInTheOffset()
    {
        var problems = new ProblemList(100);

        var text = OrderJsonReader.Decode([0xEF, 0xBB, 0xBF, .. "{ \"name\": \"\u65e5"u8, 0xE6, 0x97], problems);

        Assert.Null(text);
        Assert.Equal("order.json: not valid UTF-8 at line 1, byte offset 17 (bytes E6 97); save the file as UTF-8",
            problems.Single(ProblemCodes.NotUtf8).Message);
    }

    [Fact]
    public void Decode_Utf8WithAndWithoutBom_GivesTheTextWithoutTheBom()
    {
        var problems = new ProblemList(100);
        var json = """{ "criteria": "Quel café 日本 🦊 ?" }""";

        Assert.Equal(json, OrderJsonReader.Decode(System.Text.Encoding.UTF8.GetBytes(json), problems));
        Assert.Equal(json, OrderJsonReader.Decode([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(json)], problems));
        Assert.Equal(0, problems.ErrorCount);
    }

    [Fact]
    public void Read_WrongType_NamesFieldAndValue()
    {
        var (_, problems) = Resolve("""{ "responsesPerMatchup": "15" }""");

        Assert.Equal("order.json, field responsesPerMatchup: expected a whole number, got \"15\"", problems.Single(ProblemCodes.OrderJson).Message);
    }

    [Theory]
    [InlineData("""{ "responsesPerMatchup": 0 }""", "responsesPerMatchup: 0 is outside 1..1000")]
    [InlineData("""{ "responsesPerMatchup": 1001 }""", "responsesPerMatchup: 1001 is outside 1..1000")]
    [InlineData("""{ "sample": 0 }""", "sample: 0 must be at least 1")]
    [InlineData("""{ "confidenceThreshold": 1.5 }""", "confidenceThreshold: 1.5 must be between 0 and 1")]
    [InlineData("""{ "webhook": "ftp://x" }""", "webhook: \"ftp://x/\" is not an absolute https URL")]
    [InlineData("""{ "webhook": "http://169.254.169.254/latest?t=1" }""", "webhook: \"http://169.254.169.254/latest?…\" uses plain http")]
    [InlineData("""{ "settings": { "Colourful": true } }""", "settings.Colourful: unknown setting")]
    [InlineData("""{ "settings": { "AllowNeitherBoth": true } }""", "settings.AllowNeitherBoth: expected a delay in milliseconds")]
    [InlineData("""{ "filters": [ { "_t": "PlanetFilter" } ] }""", "filters[0]._t: unknown filter \"PlanetFilter\"")]
    [InlineData("""{ "filters": [ { "_t": "GenderFilter", "genders": ["Robot"] } ] }""", "filters[0].genders[0]: \"Robot\" is not one of Male, Female, Other")]
    [InlineData("""{ "filters": [ { "_t": "OrFilter", "filters": [ { "_t": "CountryFilter" } ] } ] }""", "filters[0].filters[0].countries: required")]
    [InlineData("""{ "filters": [ { "_t": "CountryFilter", "countries": ["US"], "cities": [] } ] }""", "filters[0]: unknown field \"cities\" for CountryFilter")]
    [InlineData("""{ "quorumThreshold": 5, "confidenceThreshold": 0.9 }""", "mutually exclusive")]
    [InlineData("""{ "quorumThreshold": 20 }""", "quorumThreshold 20 is more than responsesPerMatchup 15")]
    public void Resolve_BadValue_IsAnErrorNamingTheField(string json, string expected)
    {
        var (_, problems) = Resolve(json);

        Assert.Contains(problems.Listed, p => p.Severity == ProblemSeverity.Error && p.Message.Contains(expected));
    }

    [Fact]
    public void Resolve_CriteriaOver250Characters_IsAnError()
    {
        var (_, problems) = Resolve($$"""{ "criteria": "{{new string('q', 251)}}" }""");

        Assert.Contains("field criteria: 251 characters; it must be 1 to 250", problems.Single(ProblemCodes.OrderSetting).Message);
    }

    [Fact]
    public void Resolve_RequestOverrides_WinOverOrderJsonAndAreCheckedAsRequest()
    {
        var request = new OrderSettingsOverrides { ResponsesPerMatchup = 3, Criteria = "", Settings = new JsonObject { ["NoShuffle"] = false } };

        var (settings, problems) = Resolve("""{ "responsesPerMatchup": 9, "settings": { "NoShuffle": true } }""", request);

        Assert.Equal(3, settings.ResponsesPerMatchup);
        Assert.Equal([new FeatureFlag("no_shuffle", "false")], settings.FeatureFlags);
        Assert.StartsWith("request, field criteria:", problems.Single(ProblemCodes.OrderSetting).Message);
    }
}
