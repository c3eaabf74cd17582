using Microsoft.DurableTask;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Reads the order's state from Rapidata (one GET; the orchestrator decides what to do with it).</summary>
public sealed class GetOrderStatusActivity(RapidataClient rapidata) : TaskActivity<OrderStep, OrderStatus>
{
    public override async Task<OrderStatus> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var order = await rapidata.GetOrderAsync(step.OrderId);
        return new OrderStatus(order.State, order.RawState, order.FailureMessage);
    }
}
