using PreferenceFunctions.Datasets.Bench;

// dotnet run -c Release --project bench/PreferenceFunctions.Datasets.Bench -- [csv|validate|stage|all] [rows]
// validate runs the command line as a separate process: build it first (dotnet build -c Release src/PreferenceFunctions.Local).
var mode = args.ElementAtOrDefault(0) ?? "all";
var rows = int.TryParse(args.ElementAtOrDefault(1), out var n) ? n : 0;
if (mode is "csv" or "all") CsvBenchmark.Run(rows > 0 ? rows : 1_000_000);
if (mode is "validate" or "all") ValidateBenchmark.Run(rows > 0 ? rows : 1_000_000);
if (mode is "stage" or "all") await StagingBenchmark.RunAsync(rows > 0 ? rows : 100_000);
