using System.Text;
using System.Text.Json;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>Writes small Rapidata-shaped results documents (aggregator 4.1) for tests.</summary>
internal static class ResultsJson
{
    public sealed record Pair(string Option1, string Option2, int Votes1, int Votes2, string? MatchupId = null, string? Prompt = null);

    public static string Write(IEnumerable<Pair> pairs)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("info");
            json.WriteString("version", "4.1.0");
            json.WriteString("type", "Compare");
            json.WriteString("name", "test order");
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var p in pairs)
            {
                json.WriteStartObject();
                if (p.Prompt is not null) json.WriteString("context", p.Prompt);
                json.WriteStartObject("aggregatedResults");
                json.WriteNumber(p.Option1, p.Votes1);
                json.WriteNumber(p.Option2, p.Votes2);
                json.WriteEndObject();
                json.WriteStartObject("summedUserScores");
                json.WriteNumber(p.Option1, p.Votes1 * 0.8);
                json.WriteNumber(p.Option2, p.Votes2 * 0.8);
                json.WriteEndObject();
                if (p.MatchupId is not null)
                {
                    json.WriteStartObject("privateMetadata");
                    json.WriteString("matchupId", p.MatchupId);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static Task<CompareResultsDocument> ParseAsync(string json) =>
        CompareResultsDocument.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
