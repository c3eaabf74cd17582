namespace PreferenceFunctions.Local.Demo;

/// <summary>What the demo runs: a dataset folder, where its outputs go, how long it may take.</summary>
public sealed record DemoSettings(string DatasetFolder, string DatasetName, string OutputFolder, TimeSpan Timeout);
