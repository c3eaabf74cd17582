namespace PreferenceFunctions.Local.Bench;

/// <summary>One measured run: a dataset folder (sample or generated) and what the run must finish within.</summary>
public sealed record BenchScenario(string Name, string DatasetFolder, int Matchups, TimeSpan Target);
