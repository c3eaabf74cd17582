using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// A <see cref="MatchupResult"/> in JSON is one flat object, the matchup's fields first, then the columns of
/// matchups.csv and <c>totalVotes</c>, named by the serializer's naming policy: the shape the results API has always
/// served and the local client reads. The flat row's metadata is source-generated and bound to a copy of the caller's
/// options (their naming policy and number handling), so no reflection is needed: the native CLI (Native AOT) links this too.
/// </summary>
internal sealed partial class MatchupResultJsonConverter : JsonConverter<MatchupResult>
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonTypeInfo<FlatRow>> TypeInfos = new();

    public override MatchupResult? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, TypeInfoFor(options))?.ToResult();

    public override void Write(Utf8JsonWriter writer, MatchupResult value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, FlatRow.From(value), TypeInfoFor(options));

    private static JsonTypeInfo<FlatRow> TypeInfoFor(JsonSerializerOptions options) =>
        TypeInfos.GetValue(options, o => new FlatRowJson(new JsonSerializerOptions(o)).FlatRow);

    [JsonSerializable(typeof(FlatRow))]
    private sealed partial class FlatRowJson : JsonSerializerContext;

    /// <summary>The wire shape; its properties in the order they are written.</summary>
    private sealed class FlatRow
    {
        public string MatchupId { get; init; } = "";
        public string Prompt { get; init; } = "";

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ShortenedPrompt { get; init; }

        public string Image1 { get; init; } = "";
        public string Image2 { get; init; } = "";
        public string Model1 { get; init; } = "";
        public string Model2 { get; init; } = "";
        public int Votes1 { get; init; }
        public int Votes2 { get; init; }
        public double Ratio { get; init; }
        public double WeightedVotes1 { get; init; }
        public double WeightedVotes2 { get; init; }
        public string Winner { get; init; } = "";
        public string WeightedWinner { get; init; } = "";
        public double CiLow { get; init; }
        public double CiHigh { get; init; }
        public bool Disagreement { get; init; }
        public bool Tie { get; init; }
        public int BothVotes { get; init; }
        public int NeitherVotes { get; init; }
        public int TotalVotes => Votes1 + Votes2;

        public static FlatRow From(MatchupResult r) => new()
        {
            MatchupId = r.Matchup.Id,
            Prompt = r.Matchup.Prompt,
            ShortenedPrompt = r.Matchup.ShortenedPrompt,
            Image1 = r.Matchup.Image1,
            Image2 = r.Matchup.Image2,
            Model1 = r.Matchup.Model1,
            Model2 = r.Matchup.Model2,
            Votes1 = r.Votes1,
            Votes2 = r.Votes2,
            Ratio = r.Ratio,
            WeightedVotes1 = r.WeightedVotes1,
            WeightedVotes2 = r.WeightedVotes2,
            Winner = r.Winner,
            WeightedWinner = r.WeightedWinner,
            CiLow = r.CiLow,
            CiHigh = r.CiHigh,
            Disagreement = r.Disagreement,
            Tie = r.Tie,
            BothVotes = r.BothVotes,
            NeitherVotes = r.NeitherVotes,
        };

        public MatchupResult ToResult() => new()
        {
            Matchup = new Matchup
            {
                Id = MatchupId, Prompt = Prompt, ShortenedPrompt = ShortenedPrompt, Image1 = Image1, Image2 = Image2, Model1 = Model1,
                Model2 = Model2,
            },
            Votes1 = Votes1,
            Votes2 = Votes2,
            Ratio = Ratio,
            WeightedVotes1 = WeightedVotes1,
            WeightedVotes2 = WeightedVotes2,
            Winner = Winner,
            WeightedWinner = WeightedWinner,
            CiLow = CiLow,
            CiHigh = CiHigh,
            Disagreement = Disagreement,
            Tie = Tie,
            BothVotes = BothVotes,
            NeitherVotes = NeitherVotes,
        };
    }
}
