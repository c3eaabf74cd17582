using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>Writes the orchestrator's checkpoint to the run's row through the ledger (safe to repeat).</summary>
public sealed class RecordRunActivity(RunLedger ledger) : TaskActivity<RunCheckpoint, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RunCheckpoint checkpoint)
    {
        await ledger.RecordProgressAsync(checkpoint);
        return true;
    }
}
