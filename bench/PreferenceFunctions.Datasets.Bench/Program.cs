using PreferenceFunctions.Datasets.Bench;

// dotnet run -c Release --project bench/PreferenceFunctions.Datasets.Bench -- [csv|validate|validate-debug|stage|stage-loose|azurite-floor|all] [rows]
// validate-debug also times the plain `dotnet run` (Debug build, MSBuild's up-to-date check included).
// validate runs the command line as a separate process: build it first (dotnet build -c Release src/PreferenceFunctions.Local);
// the native CLI it publishes itself (to artifacts/cli) when missing or older than its sources.
var mode = args.ElementAtOrDefault(0) ?? "all";
var rows = int.TryParse(args.ElementAtOrDefault(1), out var n) ? n : 0;
if (mode is "csv" or "all") CsvBenchmark.Run(rows > 0 ? rows : 1_000_000);
if (mode is "validate" or "validate-debug" or "all") ValidateBenchmark.Run(rows > 0 ? rows : 1_000_000, withDebugRun: mode is not "validate");
if (mode is "stage" or "all") await StagingBenchmark.RunAsync(rows > 0 ? rows : 100_000);
if (mode is "stage-loose") await LooseStagingBenchmark.RunAsync(rows > 0 ? rows : 10_000);
if (mode is "azurite-floor") await AzuriteFloorBenchmark.RunAsync(rows > 0 ? rows : 10_000);
