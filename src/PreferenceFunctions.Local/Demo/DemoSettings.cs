using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Demo;

/// <summary>What the demo runs: a dataset folder, where its outputs go, how long it may take, and in which Rapidata flow
/// (null: the configured one, jobs by default).</summary>
public sealed record DemoSettings(string DatasetFolder, string DatasetName, string OutputFolder, TimeSpan Timeout, RapidataFlow? Flow = null);
