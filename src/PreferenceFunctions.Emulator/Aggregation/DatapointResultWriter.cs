using System.Text.Json;
using PreferenceFunctions.Emulator.Crowd;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Aggregation;

/// <summary>Writes one entry of "results": winners, the four metric maps keyed by original file name, privateMetadata, votes.</summary>
internal static class DatapointResultWriter
{
    private const string AssetHost = "https://assets.rapidata.ai/";

    /// <returns>The winner's index (0 = A, 1 = B, 2 = Both, 3 = Neither), or null on a tie or without votes.</returns>
    public static int? Write(Utf8JsonWriter json, OrderRecord order, DatapointRecord datapoint, List<Vote> votes)
    {
        string[] keys = order.AllowUnsure ? [datapoint.Options[0], datapoint.Options[1], "Both", "Neither"] : datapoint.Options;
        var counts = new double[keys.Length];
        var scores = new double[keys.Length];
        foreach (var vote in votes)
        {
            counts[vote.Choice]++;
            scores[vote.Choice] += vote.Annotator.UserScore;
        }

        var winner = ArgMax(counts);
        var weightedWinner = ArgMax(scores);
        json.WriteStartObject();
        if (datapoint.Context is not null)
        {
            json.WriteString("context", datapoint.Context);
        }

        WriteWinner(json, "winner", "winnerIndex", keys, winner);
        WriteWinner(json, "weightedWinner", "weightedWinnerIndex", keys, weightedWinner);
        WriteIndex(json, "winner_index", winner);
        if (datapoint.AssetFileNames.Length > 0)
        {
            json.WriteStartObject("assetUrls");
            for (var i = 0; i < datapoint.AssetFileNames.Length; i++)
            {
                json.WriteString(keys[i], AssetHost + datapoint.AssetFileNames[i]);
            }

            json.WriteEndObject();
        }

        WriteMap(json, "aggregatedResults", keys, counts, votes.Count, ratio: false);
        WriteMap(json, "aggregatedResultsRatios", keys, counts, counts.Sum(), ratio: true);
        WriteMap(json, "summedUserScores", keys, scores, 1, ratio: false);
        WriteMap(json, "summedUserScoresRatios", keys, scores, scores.Sum(), ratio: true);
        if (datapoint.PrivateMetadata is { } metadata)
        {
            json.WriteStartObject("privateMetadata");
            foreach (var (key, value) in metadata)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("detailedResults");
        foreach (var vote in votes)
        {
            WriteVote(json, keys[vote.Choice], vote.Annotator);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return winner;
    }

    private static void WriteVote(Utf8JsonWriter json, string votedFor, Annotator annotator)
    {
        json.WriteStartObject();
        json.WriteString("votedFor", votedFor);
        json.WritePropertyName("userDetails");
        json.WriteRawValue(annotator.UserDetailsJson, skipInputValidation: true);
        json.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, string[] keys, double[] values, double divisor, bool ratio)
    {
        json.WriteStartObject(name);
        for (var i = 0; i < keys.Length; i++)
        {
            json.WriteNumber(keys[i], ratio ? (divisor == 0 ? 0 : Math.Round(values[i] / divisor, 4)) : Math.Round(values[i], 4));
        }

        json.WriteEndObject();
    }

    private static void WriteWinner(Utf8JsonWriter json, string name, string indexName, string[] keys, int? index)
    {
        if (index is { } i)
        {
            json.WriteString(name, keys[i]);
        }
        else
        {
            json.WriteNull(name);
        }

        WriteIndex(json, indexName, index);
    }

    private static void WriteIndex(Utf8JsonWriter json, string name, int? index)
    {
        if (index is { } i)
        {
            json.WriteNumber(name, i);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static int? ArgMax(double[] values)
    {
        var best = values.Max();
        return best <= 0 || values.Count(v => v == best) > 1 ? null : Array.IndexOf(values, best);
    }
}
