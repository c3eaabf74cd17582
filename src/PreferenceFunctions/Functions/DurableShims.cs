using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Runs.Rounds;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Upload;

namespace PreferenceFunctions.Functions;

/// <summary>
/// Registers the Pipeline's class-based orchestrator and activities (the list in <see cref="PreferenceTasks"/>) as functions. This is what the Durable source
/// generator would emit; it is not served here, so the shims are written by hand. The task classes live in the
/// Pipeline assembly (the DurableTask analyzer fails when a task class and its shim share an assembly).
/// </summary>
public static class DurableShims
{
    [Function(nameof(PreferenceRunOrchestrator))]
    public static async Task<RunResult> PreferenceRunOrchestratorFunction([OrchestrationTrigger] TaskOrchestrationContext context) =>
        await new PreferenceRunOrchestrator().RunAsync(context, context.GetInput<RunRequest>()!);

    [Function(nameof(ReaggregateOrchestrator))]
    public static async Task<RunResult> ReaggregateOrchestratorFunction([OrchestrationTrigger] TaskOrchestrationContext context) =>
        await new ReaggregateOrchestrator().RunAsync(context, context.GetInput<WriteResultsInput>()!);

    [Function(nameof(AdaptiveRoundOrchestrator))]
    public static async Task<RoundResult> AdaptiveRoundOrchestratorFunction([OrchestrationTrigger] TaskOrchestrationContext context) =>
        await new AdaptiveRoundOrchestrator().RunAsync(context, context.GetInput<RoundRequest>()!);

    [Function(nameof(LoadDatasetActivity))]
    public static Task<StagedDataset> LoadDataset([ActivityTrigger] StageDatasetRequest input, FunctionContext context) =>
        Run<LoadDatasetActivity, StageDatasetRequest, StagedDataset>(input, context);

    [Function(nameof(CreateOrderActivity))]
    public static Task<OrderReference> CreateOrder([ActivityTrigger] CreateOrderInput input, FunctionContext context) =>
        Run<CreateOrderActivity, CreateOrderInput, OrderReference>(input, context);

    [Function(nameof(UploadChunkActivity))]
    public static Task<UploadChunkResult> UploadChunk([ActivityTrigger] UploadChunkInput input, FunctionContext context) =>
        Run<UploadChunkActivity, UploadChunkInput, UploadChunkResult>(input, context);

    [Function(nameof(SubmitOrderActivity))]
    public static Task<SubmitOrderResult> SubmitOrder([ActivityTrigger] OrderStep input, FunctionContext context) =>
        Run<SubmitOrderActivity, OrderStep, SubmitOrderResult>(input, context);

    [Function(nameof(GetOrderStatusActivity))]
    public static Task<OrderStatus> GetOrderStatus([ActivityTrigger] OrderStep input, FunctionContext context) =>
        Run<GetOrderStatusActivity, OrderStep, OrderStatus>(input, context);

    [Function(nameof(RetryOrderActivity))]
    public static Task<bool> RetryOrder([ActivityTrigger] OrderStep input, FunctionContext context) =>
        Run<RetryOrderActivity, OrderStep, bool>(input, context);

    [Function(nameof(AbandonOrderActivity))]
    public static Task<string> AbandonOrder([ActivityTrigger] AbandonOrderInput input, FunctionContext context) =>
        Run<AbandonOrderActivity, AbandonOrderInput, string>(input, context);

    [Function(nameof(ResumeOrderActivity))]
    public static Task<OrderStatus> ResumeOrder([ActivityTrigger] OrderStep input, FunctionContext context) =>
        Run<ResumeOrderActivity, OrderStep, OrderStatus>(input, context);

    [Function(nameof(RenderReportActivity))]
    public static Task<string?> RenderReport([ActivityTrigger] WriteResultsInput input, FunctionContext context) =>
        Run<RenderReportActivity, WriteResultsInput, string?>(input, context);

    [Function(nameof(AddToLeaderboardActivity))]
    public static Task<string?> AddToLeaderboard([ActivityTrigger] WriteResultsInput input, FunctionContext context) =>
        Run<AddToLeaderboardActivity, WriteResultsInput, string?>(input, context);

    [Function(nameof(DownloadResultsActivity))]
    public static Task<string?> DownloadResults([ActivityTrigger] OrderStep input, FunctionContext context) =>
        Run<DownloadResultsActivity, OrderStep, string?>(input, context);

    [Function(nameof(WriteResultsActivity))]
    public static Task<ResultsSummary> WriteResults([ActivityTrigger] WriteResultsInput input, FunctionContext context) =>
        Run<WriteResultsActivity, WriteResultsInput, ResultsSummary>(input, context);

    [Function(nameof(RecordRunActivity))]
    public static Task<bool> RecordRun([ActivityTrigger] RunCheckpoint input, FunctionContext context) =>
        Run<RecordRunActivity, RunCheckpoint, bool>(input, context);

    [Function(nameof(NotifyActivity))]
    public static Task<int> Notify([ActivityTrigger] NotifyInput input, FunctionContext context) =>
        Run<NotifyActivity, NotifyInput, int>(input, context);

    [Function(nameof(PlanRoundActivity))]
    public static Task<RoundPlan> PlanRound([ActivityTrigger] PlanRoundInput input, FunctionContext context) =>
        Run<PlanRoundActivity, PlanRoundInput, RoundPlan>(input, context);

    [Function(nameof(CreateRoundOrderActivity))]
    public static Task<OrderReference> CreateRoundOrder([ActivityTrigger] RoundStep input, FunctionContext context) =>
        Run<CreateRoundOrderActivity, RoundStep, OrderReference>(input, context);

    [Function(nameof(SubmitRoundOrderActivity))]
    public static Task<bool> SubmitRoundOrder([ActivityTrigger] RoundStep input, FunctionContext context) =>
        Run<SubmitRoundOrderActivity, RoundStep, bool>(input, context);

    [Function(nameof(DownloadRoundResultsActivity))]
    public static Task<string?> DownloadRoundResults([ActivityTrigger] RoundStep input, FunctionContext context) =>
        Run<DownloadRoundResultsActivity, RoundStep, string?>(input, context);

    [Function(nameof(RecordRoundsActivity))]
    public static Task<bool> RecordRounds([ActivityTrigger] RecordRoundsInput input, FunctionContext context) =>
        Run<RecordRoundsActivity, RecordRoundsInput, bool>(input, context);

    private static async Task<TOut> Run<TActivity, TIn, TOut>(TIn input, FunctionContext context)
        where TActivity : TaskActivity<TIn, TOut>
    {
        // The same wrapper as the local worker's registry: the activity's span, metrics and Rapidata call counts.
        var activity = TracedTaskActivity.Create(typeof(TActivity), context.InstanceServices);
        var output = await activity.RunAsync(new ShimActivityContext(typeof(TActivity).Name, context.InvocationId), input);
        return (TOut)output!;
    }

    private sealed class ShimActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId { get; } = instanceId;
    }
}
