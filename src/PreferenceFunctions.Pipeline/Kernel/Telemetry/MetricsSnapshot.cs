using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using PreferenceFunctions.Rapidata.Telemetry;

namespace PreferenceFunctions.Pipeline.Kernel.Telemetry;

/// <summary>
/// Totals of the pipeline's and the Rapidata client's instruments in this process, for <c>GET /api/metrics</c>: what a
/// local user sees without any collector. Listens with a <see cref="MeterListener"/>, independent of any exporter; a hosted
/// service only so that the host creates it (and counting begins) when it starts.
/// </summary>
public sealed class MetricsSnapshot : IHostedService, IDisposable
{
    private static readonly HashSet<string> MeterNames = [PipelineTelemetry.Name, RapidataTelemetry.Name];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Tags), Series> _series = new();

    public MetricsSnapshot(TimeProvider time)
    {
        Since = time.GetUtcNow();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (MeterNames.Contains(instrument.Meter.Name)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>When counting began (the host's start).</summary>
    public DateTimeOffset Since { get; }

    public IReadOnlyList<MetricPoint> Read() =>
        [.. _series.Values.Select(s => s.ToPoint()).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => string.Join(',', p.Tags))];

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagMap = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (tag, tagValue) in tags) tagMap[tag] = Convert.ToString(tagValue, System.Globalization.CultureInfo.InvariantCulture);
        var key = (instrument.Name, string.Join(',', tagMap.Select(t => $"{t.Key}={t.Value}")));
        var kind = instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal) ? "histogram" : "counter";
        _series.GetOrAdd(key, _ => new Series(instrument.Name, kind, tagMap)).Add(value);
    }

    private sealed class Series(string name, string kind, IReadOnlyDictionary<string, string?> tags)
    {
        private readonly Lock _gate = new();
        private double _sum;
        private long _count;
        private double _max = double.MinValue;

        public void Add(double value)
        {
            lock (_gate) (_sum, _count, _max) = (_sum + value, _count + 1, Math.Max(_max, value));
        }

        public MetricPoint ToPoint()
        {
            lock (_gate) return new MetricPoint(name, kind, tags, _sum, _count, kind == "histogram" ? _max : null);
        }
    }
}
