namespace PreferenceFunctions.Local.Bench;

/// <summary>What one scenario measured.</summary>
public sealed record BenchResult(BenchScenario Scenario, string Status, TimeSpan CsvToTables, int HistoryEvents, int MatchupRows)
{
    public bool MetTarget => Status == "Completed" && CsvToTables <= Scenario.Target;
}
