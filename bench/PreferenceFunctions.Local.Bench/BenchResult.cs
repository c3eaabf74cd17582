namespace PreferenceFunctions.Local.Bench;

/// <summary>What one scenario measured.</summary>
public sealed record BenchResult(BenchScenario Scenario, string Status, TimeSpan DropToTables, int HistoryEvents, int MatchupRows)
{
    public bool MetTarget => Status == "Completed" && DropToTables <= Scenario.Target;
}
