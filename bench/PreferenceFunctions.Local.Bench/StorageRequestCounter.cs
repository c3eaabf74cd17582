using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PreferenceFunctions.Datasets.Bench;

namespace PreferenceFunctions.Local.Bench;

/// <summary>
/// Counts every HTTP request this process sends (the <c>System.Net.Http</c> activity source: the host's storage clients,
/// the durable engine's and the Rapidata client alike), by the run's phase and by what it hits: Azurite's blob, queue or
/// table service and the container, table or queue (the durable engine's own are named after its task hub), or the
/// emulator. The phase is the one the bench's last poll of the run saw, so a request near a phase change may count in the
/// neighbouring phase. A table transaction (<c>$batch</c>) names no table in its URL: it counts as one request of its own kind.
/// </summary>
internal sealed class StorageRequestCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<(string Phase, string Kind), int> _counts = new();
    private readonly Dictionary<string, (double Azurite, double Ours)> _cpuByPhase = [];
    private readonly List<string> _phases = ["Starting"];
    private static readonly string[] Services = ["Blob", "Queue", "Table"];
    private readonly int[] _azuritePorts;
    private readonly string _taskHub;
    private readonly string _suffix;
    private readonly AzuriteCpu _azurite;
    private (string Name, double AzuriteCpuAtStart, double OurCpuAtStart) _phase;

    /// <param name="connectionString">Azurite's, naming its blob, queue and table ports.</param>
    public StorageRequestCounter(string connectionString, AzuriteCpu azurite, string taskHub, string suffix)
    {
        var azuritePorts = Services
            .Select(service => int.Parse(Regex.Match(connectionString, $@"{service}Endpoint=http://[^:]+:(\d+)/").Groups[1].Value, CultureInfo.InvariantCulture))
            .ToArray();
        (_azuritePorts, _azurite, _taskHub, _suffix) = (azuritePorts, azurite, taskHub, suffix);
        _phase = ("Starting", azurite.Seconds(), OurCpu());
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Called with the phase each poll of the run reports; closes the previous phase's CPU times.</summary>
    public void Observe(string phase)
    {
        lock (_cpuByPhase)
        {
            if (phase == _phase.Name) return;
            Console.WriteLine($"    phase {phase} from {Monotonic.Seconds:0.000} s (monotonic)");
            Close();
            if (!_phases.Contains(phase)) _phases.Add(phase);
            _phase = (phase, _azurite.Seconds(), OurCpu());
        }
    }

    /// <summary>Per phase: Azurite requests (the durable engine's among them), Azurite's CPU and this process's, the busiest kinds of request.</summary>
    public IEnumerable<string> Report()
    {
        lock (_cpuByPhase) Close();
        foreach (var phase in _phases)
        {
            var kinds = _counts.Where(c => c.Key.Phase == phase).OrderByDescending(c => c.Value).ToList();
            var azurite = kinds.Where(k => !k.Key.Kind.StartsWith("http", StringComparison.Ordinal)).Sum(k => k.Value);
            var durable = kinds.Where(k => k.Key.Kind.Contains(" durable ", StringComparison.Ordinal)).Sum(k => k.Value);
            var cpu = _cpuByPhase.GetValueOrDefault(phase);
            yield return $"    {phase}: {azurite:N0} Azurite requests ({durable:N0} durable engine), Azurite CPU {cpu.Azurite:0.0} s" +
                (azurite > 0 ? $" ({cpu.Azurite * 1000 / azurite:0.00} ms/request)" : "") + $", this process {cpu.Ours:0.0} s" +
                $"; {string.Join(", ", kinds.Take(12).Select(k => $"{k.Key.Kind} {k.Value:N0}"))}";
        }
    }

    private void Close()
    {
        var (azurite, ours) = _cpuByPhase.GetValueOrDefault(_phase.Name);
        _cpuByPhase[_phase.Name] = (azurite + _azurite.Seconds() - _phase.AzuriteCpuAtStart, ours + OurCpu() - _phase.OurCpuAtStart);
    }

    private static double OurCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private void Count(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return;
        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        _counts.AddOrUpdate((_phase.Name, Kind(uri, method)), 1, (_, n) => n + 1);
    }

    private string Kind(Uri uri, string method)
    {
        var service = Array.IndexOf(_azuritePorts, uri.Port) switch { 0 => "blob", 1 => "queue", 2 => "table", _ => null };
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (service is null) return $"http:{uri.Port} {method} /{segments.FirstOrDefault()}";
        // /devstoreaccount1/{container, queue or table}/...; a table's name ends at "(" (point reads, queries)
        var resource = segments.ElementAtOrDefault(1)?.Split('(')[0] ?? "(account)";
        var owner = resource.StartsWith(_taskHub, StringComparison.OrdinalIgnoreCase) ? "durable " : "";
        return $"{service} {owner}{resource.Replace(_taskHub, "", StringComparison.OrdinalIgnoreCase).Replace(_suffix, "", StringComparison.Ordinal)} {method}";
    }

    public void Dispose() => _listener.Dispose();
}
