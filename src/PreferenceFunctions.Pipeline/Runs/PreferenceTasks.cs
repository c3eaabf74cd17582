using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Upload;

namespace PreferenceFunctions.Pipeline.Runs;

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
