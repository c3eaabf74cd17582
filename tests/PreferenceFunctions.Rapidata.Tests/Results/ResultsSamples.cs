using System.Globalization;
using System.Text;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Rapidata.Tests.Results;

/// <summary>Sample and synthetic results documents for the parser tests.</summary>
internal static class ResultsSamples
{
    public static Stream Open(string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Results", "Samples", name));

    public static Task<CompareResultsDocument> ParseAsync(string json, CompareResultsParseOptions? options = null) =>
        CompareResultsDocument.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), options);

    /// <summary>A 4.1-shaped document with <paramref name="entries"/> pairs of <paramref name="votesPerEntry"/> votes each.</summary>
    public static byte[] Synthetic(int entries, int votesPerEntry)
    {
        var json = new StringBuilder("{\"info\":{\"version\":\"4.1.0\",\"type\":\"Compare\"},\"results\":[");
        for (var i = 0; i < entries; i++)
        {
            if (i > 0) json.Append(',');
            var (a, b) = ($"model_a/{i}.png", $"model_b/{i}.png");
            var votesForA = votesPerEntry * 2 / 3;
            json.Append(CultureInfo.InvariantCulture, $"{{\"context\":\"prompt \\\"{i}\\\"\",\"winner\":\"{a}\",\"winnerIndex\":0,\"weightedWinner\":\"{a}\",\"weightedWinnerIndex\":0,");
            json.Append(CultureInfo.InvariantCulture, $"\"aggregatedResults\":{{\"{a}\":{votesForA},\"{b}\":{votesPerEntry - votesForA}}},");
            json.Append(CultureInfo.InvariantCulture, $"\"summedUserScores\":{{\"{a}\":{votesForA * 0.5},\"{b}\":{(votesPerEntry - votesForA) * 0.5}}},");
            json.Append(CultureInfo.InvariantCulture, $"\"privateMetadata\":{{\"matchupId\":\"m{i}\"}},\"detailedResults\":[");
            for (var v = 0; v < votesPerEntry; v++)
            {
                if (v > 0) json.Append(',');
                // Labelers answer many pairs: about 20,000 distinct profiles, as a large real order has.
                var labeler = (i * 7919 + v * 104729) % 20_000;
                json.Append(CultureInfo.InvariantCulture, $"{{\"votedFor\":\"{(v < votesForA ? a : b)}\",\"userDetails\":{{\"country\":\"{Countries[labeler % Countries.Length]}\",");
                json.Append(CultureInfo.InvariantCulture, $"\"language\":\"en\",\"userScores\":{{\"global\":{0.3 + labeler % 7000 / 10000.0}}},\"demographics\":{{\"age\":\"{Ages[labeler % Ages.Length]}\"}}}}}}");
            }
            json.Append("]}");
        }
        json.Append("],\"summary\":{\"A_wins_total\":").Append(entries).Append(",\"B_wins_total\":0}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static readonly string[] Countries = ["DE", "US", "BR", "IN", "JP", "FR", "NG", "PH"];
    private static readonly string[] Ages = ["18-29", "30-39", "40-49", "50-64"];
}
