using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Asks Rapidata to regenerate stale results (only while the order or job is still in StaleResults).</summary>
public sealed class RetryOrderActivity(RapidataClient rapidata, RunLedger ledger, JobFlow jobs) : TaskActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var (flow, row) = await RunFlows.ResolveAsync(ledger, step);
        if (flow == RapidataFlow.Jobs)
        {
            await jobs.RetryAsync(row, step.RunId);
            return true;
        }
        var order = await rapidata.GetOrderAsync(step.OrderId);
        if (order.State == OrderState.StaleResults) await rapidata.RetryOrderAsync(step.OrderId);
        return true;
    }
}
