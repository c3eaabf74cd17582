using System.Text;
using System.Text.Json;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Exports;
using PreferenceFunctions.Pipeline.Tests.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Exports;

public sealed class JsonlExportTests
{
    [Fact]
    public async Task WriteAsync_HuggingFace_UsesRapidatasSchemaWithDetailsAsJsonString()
    {
        var outcome = Outcomes.Of("m1", "flux", "sd3", 2, 1) with
        {
            Details = [new VoteDetail("flux_m1_0.png", "DE", "de", 0.8), new VoteDetail("sd3_m1_1.png", "BR", "pt", null)],
        };
        var output = new MemoryStream();

        await HuggingFaceJsonl.WriteAsync(new[] { outcome, outcome.WithPrompt("second") }.ToAsyncEnumerable(), output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        var row = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(["prompt", "image1", "image2", "votes_image1", "votes_image2", "model1", "model2", "detailed_results"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, row.GetProperty("votes_image1").GetInt32());
        var details = JsonDocument.Parse(row.GetProperty("detailed_results").GetString()!).RootElement;
        Assert.Equal("flux_m1_0.png", details[0].GetProperty("votedFor").GetString());
        Assert.Equal(0.8, details[0].GetProperty("userDetails").GetProperty("userScore").GetDouble());
        Assert.Equal(JsonValueKind.Null, details[1].GetProperty("userDetails").GetProperty("userScore").ValueKind);
    }

    [Fact]
    public async Task Write_HuggingFaceAndDpo_WriteTheSameBytesAsBefore()
    {
        var huggingFace = new MemoryStream();
        var dpo = new MemoryStream();

        await HuggingFaceJsonl.WriteAsync(new[] { Outcomes.Detailed() }.ToAsyncEnumerable(), huggingFace);
        DpoPairsJsonl.Write([Outcomes.Detailed()], dpo, new DpoExportOptions(MinMargin: 0));

        Assert.Equal(OneLine("""
            {"prompt":"a \u0022red\u0022 fox, na\u00EFve\non two lines","image1":"flux_m/1_0.png","image2":"sd3_m/1_1.png",
            "votes_image1":9,"votes_image2":6,"model1":"flux","model2":"sd3","detailed_results":"[{\u0022votedFor\u0022:
            \u0022flux_m/1_0.png\u0022,\u0022userDetails\u0022:{\u0022country\u0022:\u0022DE\u0022,\u0022language\u0022:\u0022de\u0022,
            \u0022userScore\u0022:0.8}},{\u0022votedFor\u0022:\u0022sd3_m/1_1.png\u0022,\u0022userDetails\u0022:{\u0022country\u0022:
            \u0022BR\u0022,\u0022language\u0022:\u0022pt\u0022,\u0022userScore\u0022:null}}]"}
            """), Encoding.UTF8.GetString(huggingFace.ToArray()));
        Assert.Equal(OneLine("""
            {"prompt":"a \u0022red\u0022 fox, na\u00EFve\non two lines","chosen":"flux_m/1_0.png","rejected":"sd3_m/1_1.png",
            "chosen_model":"flux","rejected_model":"sd3","chosen_votes":9,"rejected_votes":6,"margin":0.2}
            """), Encoding.UTF8.GetString(dpo.ToArray()));
    }

    [Fact]
    public void Write_Dpo_KeepsOnlyPairsAtOrAboveTheMargin()
    {
        MatchupOutcome[] outcomes =
        [
            Outcomes.Of("clear", "flux", "sd3", 2, 8),   // margin 0.6, chosen is the second image
            Outcomes.Of("close", "flux", "sd3", 6, 4),   // margin 0.2
            Outcomes.Of("tie", "flux", "sd3", 5, 5),
        ];
        var output = new MemoryStream();

        var written = DpoPairsJsonl.Write(outcomes, output, new DpoExportOptions(MinMargin: 0.5));

        Assert.Equal(1, written);
        var row = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray()).Trim()).RootElement;
        Assert.Equal("sd3_clear_1.png", row.GetProperty("chosen").GetString());
        Assert.Equal("flux_clear_0.png", row.GetProperty("rejected").GetString());
        Assert.Equal("sd3", row.GetProperty("chosen_model").GetString());
        Assert.Equal(0.6, row.GetProperty("margin").GetDouble(), 12);
    }

    [Fact]
    public void Write_DpoWithZeroMargin_KeepsEverythingButTies()
    {
        MatchupOutcome[] outcomes = [Outcomes.Of("a", "x", "y", 6, 4), Outcomes.Of("b", "x", "y", 5, 5), Outcomes.Of("c", "x", "y", 0, 1)];

        var written = DpoPairsJsonl.Write(outcomes, new MemoryStream(), new DpoExportOptions(MinMargin: 0));

        Assert.Equal(2, written);
    }

    /// <summary>A JSON Lines line written over several source lines: the line breaks removed, one at the end.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings("") + "\n";
}
