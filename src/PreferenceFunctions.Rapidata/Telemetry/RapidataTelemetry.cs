using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PreferenceFunctions.Rapidata.Telemetry;

/// <summary>
/// The client's spans and metrics: one span per HTTP attempt to Rapidata, and counters of responses (by endpoint and
/// status code), retries and call durations. Hosts subscribe by <see cref="Name"/> (source and meter share it).
/// </summary>
public static class RapidataTelemetry
{
    public const string Name = "PreferenceFunctions.Rapidata";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Responses = Meter.CreateCounter<long>("rapidata.client.responses", "{response}",
        "Responses from Rapidata by endpoint and status code (error.type when there was no response).");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("rapidata.client.retries", "{retry}",
        "Attempts after the first (429, 5xx, timeouts, network errors), by endpoint.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("rapidata.client.duration", "s",
        "How long each attempt took, by endpoint and status code.");
}
