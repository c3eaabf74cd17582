using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PreferenceFunctions.Emulator.Crowd;
using PreferenceFunctions.Emulator.Orders;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Aggregation;

/// <summary>Streams an order's results in the aggregator 4.1 compare shape (rapidata-api.md section 4), datapoint by datapoint,
/// so a 100,000-pair order never sits in memory as one document.</summary>
internal sealed class ResultsDocumentWriter(EmulatorState state, CrowdSimulator crowd, OrderLifecycle lifecycle)
{
    private const int FlushEvery = 256;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="collectedVotes">Null for the final results; else the votes collected so far (a preliminary snapshot).</param>
    public async Task WriteAsync(Stream output, OrderRecord order, long? collectedVotes, bool asJsonString, CancellationToken cancellationToken)
    {
        var escaping = asJsonString ? new JsonStringEscapingStream(output) : null;
        await using (var json = new Utf8JsonWriter(escaping ?? output, WriterOptions))
        {
            var datapoints = state.Datasets[order.DatasetId].Ordered();
            var limits = VoteLimits(order, datapoints, collectedVotes);
            var session = crowd.Begin();
            json.WriteStartObject();
            WriteInfo(json, order);
            json.WriteStartArray("results");
            int winsA = 0, winsB = 0;
            for (var i = 0; i < datapoints.Length; i++)
            {
                var votes = session.Votes(order, datapoints[i], limits?[i] ?? int.MaxValue);
                var winner = DatapointResultWriter.Write(json, order, datapoints[i], votes);
                winsA += winner == 0 ? 1 : 0;
                winsB += winner == 1 ? 1 : 0;
                if (i % FlushEvery == FlushEvery - 1)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("A_wins_total", winsA);
            json.WriteNumber("B_wins_total", winsB);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        if (escaping is not null)
        {
            await escaping.CompleteAsync(cancellationToken);
        }
    }

    private int[]? VoteLimits(OrderRecord order, DatapointRecord[] datapoints, long? collectedVotes)
    {
        if (collectedVotes is not { } collected)
        {
            return null;
        }

        var total = lifecycle.TotalVotes(order);
        var planned = order.PlannedVotes!;
        var limits = new int[datapoints.Length];
        for (var i = 0; i < limits.Length && i < planned.Length; i++)
        {
            limits[i] = total == 0 ? 0 : (int)(planned[i] * collected / total);
        }

        return limits;
    }

    private static void WriteInfo(Utf8JsonWriter json, OrderRecord order)
    {
        json.WriteStartObject("info");
        var createdAt = order.CompletedAt ?? DateTimeOffset.UtcNow;
        json.WriteString("createdAt", createdAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture));
        json.WriteString("version", "4.1.0");
        json.WriteString("type", "Compare");
        json.WriteString("name", order.Name);
        json.WriteString("instruction", order.Criteria);
        json.WriteEndObject();
    }
}
