using Microsoft.DurableTask;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Asks Rapidata to regenerate stale results (only while the order is still in StaleResults).</summary>
public sealed class RetryOrderActivity(RapidataClient rapidata) : TaskActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var order = await rapidata.GetOrderAsync(step.OrderId);
        if (order.State == OrderState.StaleResults) await rapidata.RetryOrderAsync(step.OrderId);
        return true;
    }
}
