using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Reads the order's (or job's) state from Rapidata (the orchestrator decides what to do with it). A job's
/// status also says how far the crowd is (<c>GET /job/{id}/progress</c>) and why it waits.</summary>
public sealed class GetOrderStatusActivity(RapidataClient rapidata, RunLedger ledger, JobFlow jobs) : TaskActivity<OrderStep, OrderStatus>
{
    public override async Task<OrderStatus> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var (flow, row) = await RunFlows.ResolveAsync(ledger, step);
        if (flow == RapidataFlow.Jobs) return await jobs.StatusAsync(row, step.RunId);
        var order = await rapidata.GetOrderAsync(step.OrderId);
        return new OrderStatus(order.State, order.RawState, order.FailureMessage);
    }
}
