using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Activities;
using PreferenceFunctions.Pipeline.Orchestrations;

namespace PreferenceFunctions.Pipeline;

/// <summary>
/// Every orchestrator and activity of a run, for Durable Task workers outside Azure Functions (the local host,
/// tests). The Functions app registers the same classes through its shims.
/// </summary>
public static class PreferenceTasks
{
    public static DurableTaskRegistry AddPreferenceTasks(this DurableTaskRegistry registry) => registry
        .AddOrchestrator<PreferenceRunOrchestrator>()
        .AddActivity<LoadDatasetActivity>()
        .AddActivity<CreateOrderActivity>()
        .AddActivity<UploadChunkActivity>()
        .AddActivity<SubmitOrderActivity>()
        .AddActivity<GetOrderStatusActivity>()
        .AddActivity<RetryOrderActivity>()
        .AddActivity<DownloadResultsActivity>()
        .AddActivity<WriteResultsActivity>()
        .AddActivity<RecordRunActivity>()
        .AddActivity<NotifyActivity>();
}
