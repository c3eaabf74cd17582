using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Typed calls of the Order step's activities, for orchestrators.</summary>
internal static class OrderCalls
{
    public static Task<OrderReference> CallCreateOrderAsync(this TaskOrchestrationContext context, CreateOrderInput input,
        TaskOptions options) =>
        context.CallActivityAsync<OrderReference>(nameof(CreateOrderActivity), input, options);

    public static Task<SubmitOrderResult> CallSubmitOrderAsync(this TaskOrchestrationContext context, OrderStep step, TaskOptions options) =>
        context.CallActivityAsync<SubmitOrderResult>(nameof(SubmitOrderActivity), step, options);

    public static Task<OrderStatus> CallGetOrderStatusAsync(this TaskOrchestrationContext context, OrderStep step, TaskOptions? options = null) =>
        context.CallActivityAsync<OrderStatus>(nameof(GetOrderStatusActivity), step, options);

    public static Task CallRetryOrderAsync(this TaskOrchestrationContext context, OrderStep step, TaskOptions options) =>
        context.CallActivityAsync<bool>(nameof(RetryOrderActivity), step, options);

    public static Task<OrderStatus> CallResumeOrderAsync(this TaskOrchestrationContext context, OrderStep step, TaskOptions options) =>
        context.CallActivityAsync<OrderStatus>(nameof(ResumeOrderActivity), step, options);

    public static Task<string> CallAbandonOrderAsync(this TaskOrchestrationContext context, AbandonOrderInput input, TaskOptions options) =>
        context.CallActivityAsync<string>(nameof(AbandonOrderActivity), input, options);
}
