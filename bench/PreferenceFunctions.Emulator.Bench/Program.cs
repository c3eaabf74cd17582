using PreferenceFunctions.Emulator.Bench;

// dotnet run -c Release --project bench/PreferenceFunctions.Emulator.Bench -- [uploads] [datapoints] [concurrency] [big-order pairs]
int Arg(int index, int fallback) => int.TryParse(args.ElementAtOrDefault(index), out var value) ? value : fallback;
var settings = new BenchSettings(Uploads: Arg(0, 20_000), Datapoints: Arg(1, 50_000), Concurrency: Arg(2, 64), BigOrderPairs: Arg(3, 100_000));
await EmulatorBenchmark.RunAsync(settings);
