using System.Text.Json;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>
/// Writes a Rapidata-shaped compare results document (aggregator 4.1) for a simulated crowd: each model has a hidden
/// Elo-like strength, each vote picks the first image with the Bradley–Terry probability, 2% answer "Neither", and
/// every vote is listed in detailedResults with a country, a language and a user score, as real documents are.
/// </summary>
internal static class SyntheticResults
{
    private static readonly string[] Countries = ["DE", "BR", "IN", "US", "FR", "JP", "NG", "PL"];

    public static void Write(string path, int matchups, int models, int votesPerMatchup, int seed)
    {
        var random = new Random(seed);
        var strengths = Enumerable.Range(0, models).Select(m => 1000.0 + 40 * m).ToArray();
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteStartObject("info");
        json.WriteString("version", "4.1.0");
        json.WriteString("type", "Compare");
        json.WriteString("name", $"benchmark: {matchups:N0} matchups, {models} models");
        json.WriteEndObject();
        json.WriteStartArray("results");
        var votes = new string[votesPerMatchup];
        var scores = new double[votesPerMatchup];
        for (var i = 0; i < matchups; i++)
        {
            int a = random.Next(models), b = (a + 1 + random.Next(models - 1)) % models;
            string first = $"model{a}_{i}_0.png", second = $"model{b}_{i}_1.png";
            var pFirst = 1 / (1 + Math.Pow(10, (strengths[b] - strengths[a]) / 400));
            int countFirst = 0, countSecond = 0, neither = 0;
            double scoreFirst = 0, scoreSecond = 0, scoreNeither = 0;
            for (var v = 0; v < votesPerMatchup; v++)
            {
                scores[v] = Math.Round(0.3 + 0.7 * random.NextDouble(), 3);
                var roll = random.NextDouble();
                votes[v] = roll < 0.02 ? "Neither" : random.NextDouble() < pFirst ? first : second;
                if (votes[v] == first) { countFirst++; scoreFirst += scores[v]; }
                else if (votes[v] == second) { countSecond++; scoreSecond += scores[v]; }
                else { neither++; scoreNeither += scores[v]; }
            }
            json.WriteStartObject();
            json.WriteString("context", $"prompt number {i}: a lighthouse on a cliff during a thunderstorm");
            WriteWinner(json, "winner", "winnerIndex", first, second, countFirst, countSecond);
            WriteWinner(json, "weightedWinner", "weightedWinnerIndex", first, second, scoreFirst, scoreSecond);
            json.WriteStartObject("assetUrls");
            json.WriteString(first, $"https://assets.rapidata.ai/{i:x8}-0.png");
            json.WriteString(second, $"https://assets.rapidata.ai/{i:x8}-1.png");
            json.WriteEndObject();
            WriteMap(json, "aggregatedResults", first, second, countFirst, countSecond, neither);
            WriteMap(json, "summedUserScores", first, second, scoreFirst, scoreSecond, scoreNeither);
            json.WriteStartObject("privateMetadata");
            json.WriteString("matchupId", $"m{i}");
            json.WriteEndObject();
            json.WriteStartArray("detailedResults");
            for (var v = 0; v < votesPerMatchup; v++)
            {
                json.WriteStartObject();
                json.WriteString("votedFor", votes[v]);
                json.WriteStartObject("userDetails");
                json.WriteString("country", Countries[(i + v) % Countries.Length]);
                json.WriteString("language", "en");
                json.WriteStartObject("userScores");
                json.WriteNumber("global", scores[v]);
                json.WriteEndObject();
                json.WriteStartObject("demographics");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            if (i % 1000 == 0) json.Flush();
        }
        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteWinner(Utf8JsonWriter json, string name, string indexName, string first, string second, double a, double b)
    {
        if (a == b) { json.WriteNull(name); json.WriteNull(indexName); return; }
        json.WriteString(name, a > b ? first : second);
        json.WriteNumber(indexName, a > b ? 0 : 1);
    }

    private static void WriteMap(Utf8JsonWriter json, string name, string first, string second, double a, double b, double neither)
    {
        json.WriteStartObject(name);
        json.WriteNumber(first, a);
        json.WriteNumber(second, b);
        if (neither > 0) json.WriteNumber("Neither", neither);
        json.WriteEndObject();
    }
}
