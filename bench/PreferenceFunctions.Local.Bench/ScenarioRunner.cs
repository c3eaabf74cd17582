using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Api;
using PreferenceFunctions.Datasets.Bench;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Hosting;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Local.Bench;

/// <summary>
/// Runs one scenario on a fresh task hub and containers: an in-process local host with an instant crowd (the emulator
/// answers every vote at once and reviews nothing, so the wait for votes is not what is measured), the dataset uploaded
/// like a user would, the clock stopped when the results are in the tables. Then the emulator's own throughput for the
/// same requests (<see cref="EmulatorBaseline"/>), and the same requests fanned out by a durable engine (<see cref="EngineFloor"/>).
/// </summary>
internal static class ScenarioRunner
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);

    public static async Task<BenchResult> RunAsync(BenchScenario scenario, string storageConnection, AzuriteCpu azurite, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            [StorageConnection.SettingName] = storageConnection,
            ["Local:TaskHub"] = $"bench{suffix}",
            ["Preference:DatasetsContainer"] = $"bench-datasets-{suffix}",
            ["Preference:RunsContainer"] = $"bench-runs-{suffix}",
            ["Preference:PollInterval"] = "00:00:00.500",
            ["Preference:MaxPollInterval"] = "00:00:02",
            // 15 votes a matchup: the default cap of 100,000 votes a run would reject the 10,000- and 100,000-matchup datasets.
            ["Preference:MaxVotesPerRun"] = "2000000",
        };
        var emulator = new EmulatorOptions { Crowd = new CrowdOptions { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero } };
        await using var host = await InProcessLocalHost.StartAsync(settings, emulator, cancellationToken);
        var storage = host.Services.GetRequiredService<StorageConnection>();
        var options = host.Services.GetRequiredService<IOptions<PreferenceOptions>>().Value;
        var results = host.Services.GetRequiredService<ResultsApi>();
        var uploader = new DatasetUploader(storage.Blobs.GetBlobContainerClient(options.DatasetsContainer), parallelUploads: 16);

        var uploadClock = Stopwatch.StartNew();
        var upload = await uploader.UploadAsync(scenario.DatasetFolder, scenario.Name, cancellationToken: cancellationToken);
        var uploadTime = uploadClock.Elapsed;
        // The drop is complete when matchups.csv is in the container: the clock runs from there to rows in the tables.
        var (cpu, azuriteCpu) = (Process.GetCurrentProcess().TotalProcessorTime, azurite.Seconds());
        using var requests = new StorageRequestCounter(storageConnection, azurite, $"bench{suffix}", suffix);
        var clock = Stopwatch.StartNew();
        // Waited for well past the target, so that a missed target still shows where the time went; at least a minute per
        // 2,000 matchups, what 100,000 need on a loaded 2-core machine.
        var patience = TimeSpan.FromTicks(Math.Max(((scenario.Target * 3) + TimeSpan.FromMinutes(10)).Ticks, TimeSpan.FromMinutes(scenario.Matchups / 2_000.0).Ticks));
        string Cpu() => $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s this process + {azurite.Seconds() - azuriteCpu:0.0} s Azurite";
        var (run, ended) = await WaitForEndAsync(host.Api, upload.RunId, patience, clock, Cpu, requests, cancellationToken);
        var status = ended ? run!.Status.ToString()! : "TimedOut";
        var elapsed = clock.Elapsed;
        var process = Process.GetCurrentProcess();
        var (cpuUsed, azuriteUsed) = ((process.TotalProcessorTime - cpu).TotalSeconds, azurite.Seconds() - azuriteCpu);
        var rows = status == nameof(RunStatus.Completed) ? (await results.ReadMatchupsAsync(upload.RunId, cancellationToken)).Count : 0;
        var phases = run?.Usage?.PhaseSeconds ?? new Dictionary<string, double>();
        Console.WriteLine($"  {scenario.Name}: user upload {uploadTime.TotalSeconds:0.0} s (not counted), csv to tables {elapsed.TotalSeconds:0.0} s, " +
            $"{status}; CPU {cpuUsed:0.0} s this process + {azuriteUsed:0.0} s Azurite; load average {Load.Average()}");
        Console.WriteLine($"    seconds per phase: {string.Join(", ", phases.Select(p => $"{p.Key} {p.Value:0.0}"))}");
        Console.WriteLine("    requests per phase (the bench's poll of the run included):");
        foreach (var line in requests.Report()) Console.WriteLine(line);

        var inFlight = options.UploadConcurrency * options.RequestsPerChunk;
        var images = scenario.Matchups * 2; // the generator gives every matchup two images of its own
        // All of the run's requests, not a sample: a sample of a few seconds swung from 4.1 to 9.9 s for 10,000 matchups.
        var rapidata = host.Services.GetRequiredService<RapidataClient>();
        var baseline = await EmulatorBaseline.MeasureAsync(rapidata, images, scenario.Matchups, inFlight, cancellationToken);
        // Chunks of ChunkSize matchups, as the run's: the generated images (about 275 bytes) never reach the chunks' byte cap.
        var floor = await EngineFloor.MeasureAsync(storageConnection, $"floor{suffix}", rapidata, azurite, scenario.Matchups,
            host.Services.GetRequiredService<IOptions<DatasetOptions>>().Value.ChunkSize, options.UploadConcurrency, options.RequestsPerChunk, cancellationToken);
        Console.WriteLine($"    engine floor: {floor.Seconds:0.00} s, CPU {floor.CpuSeconds:0.0} s this process + {floor.AzuriteCpuSeconds:0.0} s Azurite; " +
            $"emulator alone {baseline.SecondsFor(images, scenario.Matchups):0.00} s, CPU {baseline.CpuSeconds:0.0} s");
        return new BenchResult(scenario, status, elapsed, phases, run?.Usage?.HistoryEvents, rows, images, cpuUsed, azuriteUsed, process.PeakWorkingSet64,
            baseline, floor);
    }

    /// <summary>Polls the run (a slow answer under load is waited out, not fatal) until it ends or <paramref name="timeout"/> passes.</summary>
    /// <remarks>Prints the run's progress every <see cref="ProgressEvery"/>: the timeline of a run that misses its target.</remarks>
    private static async Task<(RunView? Run, bool Ended)> WaitForEndAsync(LocalApiClient api, string runId, TimeSpan timeout, Stopwatch clock,
        Func<string> cpu, StorageRequestCounter requests, CancellationToken cancellationToken)
    {
        RunView? run = null;
        var nextProgress = ProgressEvery;
        while (clock.Elapsed < timeout)
        {
            try
            {
                run = await api.GetRunAsync(runId, cancellationToken);
                requests.Observe(run?.Phase?.ToString() ?? "Starting");
                if (run?.Status is { } status && status.IsTerminal()) return (run, true);
                if (clock.Elapsed >= nextProgress && run is not null)
                {
                    nextProgress = clock.Elapsed + ProgressEvery;
                    Console.WriteLine($"    {clock.Elapsed.TotalSeconds:0} s: {run.Phase} {run.Progress?.Message}, history {run.Usage?.HistoryEvents} events, {cpu()}, " +
                        $"working set {Process.GetCurrentProcess().WorkingSet64 / 1e6:N0} MB, load average {Load.Average()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Console.WriteLine($"    GET /api/runs/{runId} failed at {clock.Elapsed.TotalSeconds:0} s ({e.GetType().Name}); polling on");
            }
            await Task.Delay(Poll, cancellationToken);
        }
        return (run, false);
    }
}
