using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>Writes a run's phase, order state and error to its PreferenceRuns row (a merge: safe to repeat).</summary>
public sealed class RecordRunActivity(RunStore runs) : TaskActivity<RunUpdate, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RunUpdate update)
    {
        var terminal = update.Phase is RunPhase.Completed or RunPhase.Failed or RunPhase.Rejected or RunPhase.Cancelled;
        await runs.MergeAsync(update.RunId, new Dictionary<string, object?>
        {
            [nameof(PreferenceRunEntity.Phase)] = update.Phase.ToString(),
            [nameof(PreferenceRunEntity.Status)] = terminal ? update.Phase.ToString() : "Running",
            [nameof(PreferenceRunEntity.OrderState)] = update.OrderState,
            [nameof(PreferenceRunEntity.Error)] = update.Error,
            [nameof(PreferenceRunEntity.StartedAt)] = update.Phase == RunPhase.Validating ? update.At : null,
            [nameof(PreferenceRunEntity.CompletedAt)] = terminal ? update.At : null,
            [nameof(PreferenceRunEntity.ChunksUploaded)] = update.Uploads?.Chunks,
            [nameof(PreferenceRunEntity.AssetsUploaded)] = update.Uploads?.AssetsUploaded,
            [nameof(PreferenceRunEntity.AssetsReused)] = update.Uploads?.AssetsReused,
            [nameof(PreferenceRunEntity.DatapointsCreated)] = update.Uploads?.DatapointsCreated,
        });
        return true;
    }
}
