using System.Text.Json;
using System.Text.Json.Serialization;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>The matchups of <c>GET /api/runs/{runId}/results</c>: one flat object per row, as the local client reads it.</summary>
public sealed class MatchupResultJsonTests
{
    /// <summary>The HTTP API's settings (Api/ApiJson): web defaults, enums as names, nulls left out.</summary>
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string Row = """
        {"matchupId":"m/1","prompt":"a \u0022red\u0022 fox, na\u00EFve\non two lines","image1":"flux_m/1_0.png","image2":"sd3_m/1_1.png",
        "model1":"flux","model2":"sd3","votes1":9,"votes2":6,"ratio":0.6,"weightedVotes1":3.25,"weightedVotes2":5.5,"winner":"flux",
        "weightedWinner":"sd3","ciLow":0.357468301206246,"ciHigh":0.8017550385865841,"disagreement":true,"tie":false,"bothVotes":2,
        "neitherVotes":1,"totalVotes":15}
        """.ReplaceLineEndings("");

    [Fact]
    public void Serialize_AsTheApiDoes_WritesOneFlatObjectInColumnOrder()
    {
        var result = Analyzed(Outcomes.Detailed());

        Assert.Equal(Row, JsonSerializer.Serialize(result, Api));
    }

    [Fact]
    public void Deserialize_AsTheLocalClientDoes_ReadsTheSameResult()
    {
        var result = Analyzed(Outcomes.Detailed());

        Assert.Equal(result, JsonSerializer.Deserialize<MatchupResult>(Row, Api));
    }

    private static MatchupResult Analyzed(MatchupOutcome outcome) =>
        PreferenceAnalyzer.Analyze([outcome], new AnalysisOptions(BootstrapRounds: 0)).Matchups.Single();
}
