using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Demo;

/// <summary>What the demo runs: a dataset folder, where its outputs go, how long it may take, in which Rapidata flow
/// (null: the configured one, jobs by default), and the seed of its crowd.</summary>
public sealed record DemoSettings(string DatasetFolder, string DatasetName, string OutputFolder, TimeSpan Timeout, RapidataFlow? Flow = null)
{
    /// <summary>Seed of the emulator's crowd (unless the <c>Emulator</c> section configures the crowd); null: its default.</summary>
    public int? Seed { get; init; }
}
