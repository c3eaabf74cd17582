using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Steps.Order;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>Typed calls of the Collect step's activities, for orchestrators.</summary>
internal static class CollectCalls
{
    /// <returns>The results blob's name, or null when Rapidata's results were stale and the run must wait again.</returns>
    public static Task<string?> CallDownloadResultsAsync(this TaskOrchestrationContext context, OrderStep step, TaskOptions options) =>
        context.CallActivityAsync<string?>(nameof(DownloadResultsActivity), step, options);

    public static Task<ResultsSummary> CallWriteResultsAsync(this TaskOrchestrationContext context, WriteResultsInput input,
        TaskOptions options) =>
        context.CallActivityAsync<ResultsSummary>(nameof(WriteResultsActivity), input, options);
}
