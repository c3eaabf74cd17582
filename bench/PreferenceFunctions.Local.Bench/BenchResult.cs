namespace PreferenceFunctions.Local.Bench;

/// <summary>
/// What one scenario measured: csv uploaded to rows in the tables, the run's seconds per phase and durable history
/// (<c>usage</c> of GET /api/runs/{id}), CPU of this process (host, engine and emulator) and of Azurite, peak memory, and
/// the upload phase against the emulator's own throughput for the same requests and against the same requests fanned out by
/// the durable engine alone.
/// </summary>
public sealed record BenchResult(BenchScenario Scenario, string Status, TimeSpan CsvToTables, IReadOnlyDictionary<string, double> PhaseSeconds,
    int? HistoryEvents, int MatchupRows, int DistinctImages, double CpuSeconds, double AzuriteCpuSeconds, long PeakWorkingSetBytes,
    EmulatorBaseline Emulator, EngineFloor.Measured Floor)
{
    public bool MetTarget => Status == "Completed" && CsvToTables <= Scenario.Target;

    public double UploadSeconds => PhaseSeconds.GetValueOrDefault("Uploading");

    /// <summary>How long the emulator alone needs for this run's image uploads and datapoints.</summary>
    public double EmulatorSeconds => Emulator.SecondsFor(DistinctImages, Scenario.Matchups);
}
