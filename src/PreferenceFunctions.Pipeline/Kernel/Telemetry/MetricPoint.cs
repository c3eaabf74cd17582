namespace PreferenceFunctions.Pipeline.Kernel.Telemetry;

/// <summary>
/// One series of <c>GET /api/metrics</c>: an instrument and one combination of its tags, summed since the host started.
/// Counters have <see cref="Sum"/>; histograms (durations in seconds) also <see cref="Count"/> and <see cref="Max"/>.
/// </summary>
public sealed record MetricPoint(string Name, string Kind, IReadOnlyDictionary<string, string?> Tags, double Sum, long Count, double? Max);
