using System.Text.Json;
using System.Text.Json.Serialization;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>The models of <c>GET /api/runs/{runId}/results</c>, as the local client reads them.</summary>
public sealed class ModelScoreJsonTests
{
    /// <summary>The HTTP API's settings (Api/ApiJson): web defaults, enums as names, nulls left out.</summary>
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string Row = """
        {"model":"flux","votes":9,"pairsWon":1,"winRate":0.5,"score":1034.5,"scoreLow":990.25,"scoreHigh":1100.125,"rank":2,
        "pairs":2,"pairsTied":1,"weightedVotes":3.25,"component":1}
        """.ReplaceLineEndings("");

    private static readonly ModelScore Score = new()
    {
        Model = "flux", Votes = 9, PairsWon = 1, WinRate = 0.5, Score = 1034.5, ScoreLow = 990.25, ScoreHigh = 1100.125,
        Rank = 2, Pairs = 2, PairsTied = 1, WeightedVotes = 3.25, Component = 1,
    };

    [Fact]
    public void Serialize_AsTheApiDoes_WritesTheColumnsInOrder() => Assert.Equal(Row, JsonSerializer.Serialize(Score, Api));

    [Fact]
    public void Deserialize_AsTheLocalClientDoes_ReadsTheSameScore() => Assert.Equal(Score, JsonSerializer.Deserialize<ModelScore>(Row, Api));
}
