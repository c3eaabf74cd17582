using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Datasets.Bench;
using PreferenceFunctions.Local.Bench;
using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;

// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Local.Bench [-- --quick | --100k | --matchups N | --votes-export]
// Default: the sample (40), 1,000 and 10,000 matchups. --quick skips the 10,000; --100k runs only the 100,000-matchup scenario
// (long; not in CI), alone so that its peak memory is its own; --matchups N only a generated dataset of N. Each run of the
// bench gets a private in-memory Azurite, stopped at the end. --votes-export times only our share of writing the 100,000-matchup
// run's results, votes.parquet, before and after its single read (no storage).
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
Environment.SetEnvironmentVariable("Logging__LogLevel__PreferenceFunctions", "Warning");
// Where staging and writing the results spend their time (their phase timestamps are Debug events).
Environment.SetEnvironmentVariable("Logging__LogLevel__PreferenceFunctions.Pipeline.Steps.Stage.DatasetStager", "Debug");
Environment.SetEnvironmentVariable("Logging__LogLevel__PreferenceFunctions.Pipeline.Steps.Collect.WriteResultsActivity", "Debug");
if (args.Contains("--votes-export"))
{
    await VotesExportBench.RunAsync(100_000);
    return 0;
}
var quick = args.Contains("--quick");
var only = args.Contains("--100k") ? 100_000
    : Array.IndexOf(args, "--matchups") is var at and >= 0 && int.TryParse(args.ElementAtOrDefault(at + 1), out var n) ? n : (int?)null;
var root = Repository.Root();
var work = Directory.CreateTempSubdirectory("preference-bench-");
await using var azurite = await AzuriteProcess.StartPrivateAsync(TimeSpan.FromMinutes(3), CancellationToken.None);
var azuriteCpu = AzuriteCpu.ForBlobPort(azurite.Ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
Console.WriteLine($"Local bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {Load.Average()}, " +
    $"{(typeof(PreferenceFunctions.Pipeline.Steps.Stage.DatasetStager).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
        .OfType<System.Diagnostics.DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug" : "optimised")} pipeline");

var scenarios = new List<BenchScenario>();
if (only is { } matchups)
{
    scenarios.Add(Generated(matchups, matchups switch { >= 100_000 => TimeSpan.FromMinutes(5), >= 10_000 => TimeSpan.FromSeconds(30), _ => TimeSpan.FromSeconds(60) }));
}
else
{
    scenarios.Add(new("sample-40", Path.Combine(root, "samples", "flux-vs-sd3"), 40, TimeSpan.FromSeconds(20)));
    scenarios.Add(Generated(1_000, TimeSpan.FromSeconds(60)));
    if (!quick) scenarios.Add(Generated(10_000, TimeSpan.FromSeconds(30)));
}

var results = new List<BenchResult>();
foreach (var scenario in scenarios) results.Add(await ScenarioRunner.RunAsync(scenario, azurite.ConnectionString, azuriteCpu, CancellationToken.None));

Console.WriteLine();
Console.WriteLine("| scenario | csv uploaded to rows in tables | target | CPU this process + Azurite | upload phase | emulator alone, same requests | ratio (goal <= 1.5) | engine floor: the same chunks fanned out by the durable engine from memory | upload phase / engine floor | history events | peak working set | rows | status |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Scenario.Name} | {r.CsvToTables.TotalSeconds:0.0} s | {r.Scenario.Target.TotalSeconds:0} s | {r.CpuSeconds:0.0} + {r.AzuriteCpuSeconds:0.0} s | " +
                      $"{r.UploadSeconds:0.00} s | {r.EmulatorSeconds:0.00} s ({r.Emulator.UploadsPerSecond:0} uploads/s, {r.Emulator.DatapointsPerSecond:0} datapoints/s, {r.Emulator.InFlight} in flight, CPU {r.Emulator.CpuSeconds:0.0} s) | " +
                      $"{r.UploadSeconds / r.EmulatorSeconds:0.00}x | {r.Floor.Seconds:0.00} s ({r.Floor.Seconds / r.EmulatorSeconds:0.00}x the emulator alone) | " +
                      $"{r.UploadSeconds / r.Floor.Seconds:0.00}x | {r.HistoryEvents?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} | " +
                      $"{r.PeakWorkingSetBytes / 1e6:N0} MB | {r.MatchupRows:N0} | {(r.MetTarget ? "ok" : r.Status + ", MISSED")} |");
}
work.Delete(recursive: true);
return results.All(r => r.MetTarget) ? 0 : 1;

BenchScenario Generated(int matchups, TimeSpan target)
{
    var folder = Path.Combine(work.FullName, $"generated-{matchups}");
    // 100,000 matchups come as one images.zip (200,000 entries), the way a user would upload that many images; smaller
    // datasets keep loose images.
    DatasetGenerator.Generate(new GenerateDatasetRequest(folder, matchups, 2, 1, Zip: matchups >= 100_000));
    return new BenchScenario($"generated-{matchups}", folder, matchups, target);
}
