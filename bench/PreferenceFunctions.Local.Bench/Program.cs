using PreferenceFunctions.Local.Bench;
using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;

// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Local.Bench [-- --quick]
// --quick skips the 10,000-matchup dataset. Azurite: the one on 127.0.0.1:10000-10002, else one started here.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
Environment.SetEnvironmentVariable("Logging__LogLevel__PreferenceFunctions", "Warning");
var quick = args.Contains("--quick");
var root = FindRepositoryRoot();
var work = Directory.CreateTempSubdirectory("preference-bench-");
await using var azurite = await AzuriteProcess.EnsureRunningAsync(TimeSpan.FromMinutes(3), CancellationToken.None);

var scenarios = new List<BenchScenario>
{
    new("sample-40", Path.Combine(root, "samples", "flux-vs-sd3"), 40, TimeSpan.FromSeconds(20)),
    Generated(1_000, TimeSpan.FromSeconds(60)),
};
if (!quick) scenarios.Add(Generated(10_000, TimeSpan.FromMinutes(3)));

var results = new List<BenchResult>();
foreach (var scenario in scenarios) results.Add(await ScenarioRunner.RunAsync(scenario, CancellationToken.None));

Console.WriteLine();
Console.WriteLine("| scenario | matchups | csv uploaded to rows in tables | target | history events | events per matchup | rows | status |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Scenario.Name} | {r.Scenario.Matchups:N0} | {r.CsvToTables.TotalSeconds:0.0} s | {r.Scenario.Target.TotalSeconds:0} s | " +
                      $"{r.HistoryEvents:N0} | {(double)r.HistoryEvents / r.Scenario.Matchups:0.00} | {r.MatchupRows:N0} | {(r.MetTarget ? "ok" : r.Status + ", MISSED")} |");
}
work.Delete(recursive: true);
return results.All(r => r.MetTarget) ? 0 : 1;

BenchScenario Generated(int matchups, TimeSpan target)
{
    var folder = Path.Combine(work.FullName, $"generated-{matchups}");
    DatasetGenerator.Generate(new GenerateDatasetRequest(folder, matchups, 2, 1, false));
    return new BenchScenario($"generated-{matchups}", folder, matchups, target);
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "PreferenceFunctions.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run the benchmark from inside the repository (PreferenceFunctions.sln not found).");
}
