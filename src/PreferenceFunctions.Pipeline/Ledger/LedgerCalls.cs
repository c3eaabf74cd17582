using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>Typed calls of the ledger's activity, for orchestrators.</summary>
internal static class LedgerCalls
{
    public static Task CallRecordRunAsync(this TaskOrchestrationContext context, RunCheckpoint checkpoint, TaskOptions options) =>
        context.CallActivityAsync<bool>(nameof(RecordRunActivity), checkpoint, options);
}
