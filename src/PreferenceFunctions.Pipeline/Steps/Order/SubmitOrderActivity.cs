using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Preview, then submit. Safe to repeat: an order already past a step is left as it is.</summary>
public sealed class SubmitOrderActivity(RapidataClient rapidata, RunLedger ledger, TimeProvider clock) : TaskActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var order = await rapidata.GetOrderAsync(step.OrderId);
        if (order.State == OrderState.Created) await rapidata.PreviewOrderAsync(step.OrderId);
        if (order.State is OrderState.Created or OrderState.Preview)
        {
            await rapidata.SubmitOrderAsync(step.OrderId);
            await ledger.RecordSubmittedAsync(step.RunId, clock.GetUtcNow());
        }
        return true;
    }
}
