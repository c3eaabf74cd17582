using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Datasets.Bench;
using PreferenceFunctions.Local.Engine;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Local.Bench;

/// <summary>
/// What the durable engine alone adds to an upload phase: the run's chunks fanned out the way the run's orchestrator does
/// (<c>UploadConcurrency</c> chunk activities at once, each sending its images and then its datapoints with
/// <c>RequestsPerChunk</c> in flight), on a durable engine of its own on the same Azurite, against the same emulator, with
/// the requests straight from memory: none of the pipeline's storage work (no manifest, staged bytes, records or media
/// asset log). Timed like the run's phase, in orchestration time from the fan-out's start to its last chunk.
/// </summary>
public static class EngineFloor
{
    private const string Orchestrator = "EngineFloorFanOut";
    private const string Activity = "EngineFloorChunk";

    public sealed record FanOut(string DatasetId, int Matchups, int ChunkSize, int ChunksAtOnce, int RequestsPerChunk);

    public sealed record Chunk(string DatasetId, int First, int Count, int RequestsPerChunk);

    public sealed record Measured(double Seconds, double CpuSeconds, double AzuriteCpuSeconds);

    internal static async Task<Measured> MeasureAsync(string storageConnection, string taskHub, RapidataClient rapidata, AzuriteCpu azurite,
        int matchups, int chunkSize, int chunksAtOnce, int requestsPerChunk, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnection.SettingName] = storageConnection,
            ["Local:TaskHub"] = taskHub,
        });
        builder.Services.AddLocalDurableEngine(builder.Configuration, tasks =>
        {
            tasks.AddOrchestratorFunc<FanOut, double>(Orchestrator, FanOutAsync);
            tasks.AddActivityFunc<Chunk, int>(Activity, (_, chunk) => SendChunkAsync(rapidata, chunk, cancellationToken));
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var datasetId = await rapidata.CreateDatasetAsync("bench engine floor", cancellationToken);
            var (cpu, azuriteCpu) = (Process.GetCurrentProcess().TotalProcessorTime, azurite.Seconds());
            var started = Monotonic.Seconds;
            var id = await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator,
                new FanOut(datasetId, matchups, chunkSize, chunksAtOnce, requestsPerChunk), cancellationToken);
            var instance = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken);
            Console.WriteLine($"    engine floor from {started:0.000} to {Monotonic.Seconds:0.000} s (monotonic)");
            if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                throw new InvalidOperationException($"The engine floor's fan-out ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
            return new Measured(instance.ReadOutputAs<double>(), (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
                azurite.Seconds() - azuriteCpu);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The run orchestrator's fan-out loop: a new chunk as soon as one finishes, at most <see cref="FanOut.ChunksAtOnce"/>.</summary>
    private static async Task<double> FanOutAsync(TaskOrchestrationContext context, FanOut fanOut)
    {
        var started = context.CurrentUtcDateTime;
        var inFlight = new List<Task<int>>();
        for (var first = 0; first < fanOut.Matchups || inFlight.Count > 0;)
        {
            while (first < fanOut.Matchups && inFlight.Count < fanOut.ChunksAtOnce)
            {
                var count = Math.Min(fanOut.ChunkSize, fanOut.Matchups - first);
                inFlight.Add(context.CallActivityAsync<int>(Activity, new Chunk(fanOut.DatasetId, first, count, fanOut.RequestsPerChunk)));
                first += count;
            }
            var finished = await Task.WhenAny(inFlight);
            inFlight.Remove(finished);
            await finished;
        }
        return (context.CurrentUtcDateTime - started).TotalSeconds;
    }

    /// <summary>A chunk's requests as the upload activity sends them: two new images a matchup, then a datapoint a matchup.</summary>
    private static async Task<int> SendChunkAsync(RapidataClient rapidata, Chunk chunk, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = chunk.RequestsPerChunk, CancellationToken = cancellationToken };
        var names = new string[chunk.Count * 2];
        await Parallel.ForAsync(0, names.Length, parallel, async (i, ct) =>
        {
            var matchup = chunk.First + (i / 2);
            using var content = new MemoryStream(DatasetGenerator.Image("floor", matchup, i % 2), writable: false);
            names[i] = (await rapidata.UploadAssetAsync(content, $"floor_{matchup:D7}_{i % 2}.png", cancellationToken: ct)).FileName;
        });
        await Parallel.ForAsync(0, chunk.Count, parallel, async (i, ct) =>
        {
            var metadata = new Dictionary<string, string> { ["matchup_id"] = $"m{chunk.First + i}" };
            await rapidata.CreateDatapointAsync(chunk.DatasetId,
                new CompareDatapoint(names[2 * i], names[(2 * i) + 1], $"prompt {chunk.First + i}", chunk.First + i, metadata), ct);
        });
        return chunk.Count;
    }
}
