using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>Typed calls of the Stage step's activities, for orchestrators.</summary>
internal static class StageCalls
{
    public static Task<StagedDataset> CallLoadDatasetAsync(this TaskOrchestrationContext context, StageDatasetRequest request,
        TaskOptions options) =>
        context.CallActivityAsync<StagedDataset>(nameof(LoadDatasetActivity), request, options);
}
