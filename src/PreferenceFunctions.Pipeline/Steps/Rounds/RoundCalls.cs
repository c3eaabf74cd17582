using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>Typed calls of the Rounds step's activities, for orchestrators.</summary>
internal static class RoundCalls
{
    public static Task<RoundPlan> CallPlanRoundAsync(this TaskOrchestrationContext context, PlanRoundInput input, TaskOptions options) =>
        context.CallActivityAsync<RoundPlan>(nameof(PlanRoundActivity), input, options);

    public static Task<OrderReference> CallCreateRoundOrderAsync(this TaskOrchestrationContext context, RoundStep step,
        TaskOptions options) =>
        context.CallActivityAsync<OrderReference>(nameof(CreateRoundOrderActivity), step, options);

    public static Task CallSubmitRoundOrderAsync(this TaskOrchestrationContext context, RoundStep step, TaskOptions options) =>
        context.CallActivityAsync<bool>(nameof(SubmitRoundOrderActivity), step, options);

    /// <returns>The results blob's name, or null when the results were stale and the round must wait again.</returns>
    public static Task<string?> CallDownloadRoundResultsAsync(this TaskOrchestrationContext context, RoundStep step,
        TaskOptions options) =>
        context.CallActivityAsync<string?>(nameof(DownloadRoundResultsActivity), step, options);

    public static Task CallRecordRoundsAsync(this TaskOrchestrationContext context, RecordRoundsInput input, TaskOptions options) =>
        context.CallActivityAsync<bool>(nameof(RecordRoundsActivity), input, options);
}
