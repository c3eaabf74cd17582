namespace PreferenceFunctions.Emulator.Bench;

/// <summary>How much load to send: request counts, parallel requests in flight, and the size of the big order.</summary>
internal sealed record BenchSettings(int Uploads, int Datapoints, int Concurrency, int BigOrderPairs);
