using System.Diagnostics;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Local.Bench;

/// <summary>
/// The emulator's own throughput for what an upload phase sends it: image uploads, then datapoints, with as many
/// requests in flight as the pipeline uses (chunks in parallel x requests per chunk), through the same client and
/// emulator, straight from memory (no storage, no durable engine). <see cref="CpuSeconds"/> is this process's CPU for it
/// (client and emulator): how much of the two cores the emulator's own work takes.
/// </summary>
public sealed record EmulatorBaseline(double UploadsPerSecond, double DatapointsPerSecond, int InFlight, double CpuSeconds)
{
    public double SecondsFor(int images, int datapoints) => (images / UploadsPerSecond) + (datapoints / DatapointsPerSecond);

    public static async Task<EmulatorBaseline> MeasureAsync(RapidataClient rapidata, int images, int datapoints, int inFlight,
        CancellationToken cancellationToken)
    {
        var payloads = Enumerable.Range(0, Math.Min(images, 1_000)).Select(i => DatasetGenerator.Image("baseline", i, i % 2)).ToArray();
        var names = new string[images];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Monotonic.Seconds;
        var uploads = await TimeAsync(images, inFlight, async (i, ct) =>
        {
            using var content = new MemoryStream(payloads[i % payloads.Length], writable: false);
            names[i] = (await rapidata.UploadAssetAsync(content, $"baseline_{i:D7}.png", cancellationToken: ct)).FileName;
        }, cancellationToken);
        var datasetId = await rapidata.CreateDatasetAsync("bench baseline", cancellationToken);
        var created = await TimeAsync(datapoints, inFlight, async (i, ct) =>
        {
            var metadata = new Dictionary<string, string> { ["matchup_id"] = $"m{i}" };
            await rapidata.CreateDatapointAsync(datasetId, new CompareDatapoint(names[(2 * i) % images], names[((2 * i) + 1) % images], $"prompt {i}", i, metadata), ct);
        }, cancellationToken);
        Console.WriteLine($"    emulator alone from {started:0.000} to {Monotonic.Seconds:0.000} s (monotonic)");
        return new EmulatorBaseline(uploads, created, inFlight, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static async Task<double> TimeAsync(int count, int inFlight, Func<int, CancellationToken, ValueTask> request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken }, request);
        return count / clock.Elapsed.TotalSeconds;
    }
}
