using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// A resumed run's first step: a paused order is resumed; an order still going or already done is left as it is; an
/// order that is gone (deleted) cannot be resumed, and the run fails saying so. Safe to run twice.
/// </summary>
public sealed class ResumeOrderActivity(RapidataClient rapidata, RunLedger ledger, JobFlow jobs) : TaskActivity<OrderStep, OrderStatus>
{
    public override async Task<OrderStatus> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var (flow, row) = await RunFlows.ResolveAsync(ledger, step);
        if (flow == RapidataFlow.Jobs) return await jobs.ResumeAsync(row, step.RunId);
        RapidataOrder order;
        try
        {
            order = await rapidata.GetOrderAsync(step.OrderId);
        }
        catch (RapidataRequestException e) when (e.StatusCode == 404)
        {
            throw new InvalidOperationException(
                $"The order {step.OrderId} is gone (deleted), so the run cannot be resumed; upload the dataset again for a new run.", e);
        }
        if (order.State != OrderState.Paused) return new OrderStatus(order.State, order.RawState, order.FailureMessage);
        await rapidata.ResumeOrderAsync(step.OrderId);
        return new OrderStatus(OrderState.Processing, "Processing", null);
    }
}
