using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>Stores the run's rounds so far (<see cref="RoundBlobs.Log"/>, read by the report) and their summary on the run's row.</summary>
public sealed class RecordRoundsActivity(RoundStore rounds, RunLedger ledger) : TaskActivity<RecordRoundsInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RecordRoundsInput input)
    {
        await rounds.WriteAsync(input.RunsContainer, RoundBlobs.Log(input.Log.RunId), input.Log);
        var collected = input.Log.Rounds.Count(r => r.Outcome == RoundOutcome.Collected);
        await ledger.RecordRoundsAsync(input.Log.RunId, collected, input.Log.ExtraVotes, input.Log.Summary());
        return true;
    }
}
