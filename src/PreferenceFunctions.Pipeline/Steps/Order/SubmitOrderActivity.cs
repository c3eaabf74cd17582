using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Order flow: preview, then submit. Job flow: job definition, audience, job (<see cref="JobFlow.SubmitAsync"/>).
/// Safe to repeat: an order already past a step, or a job already created, is left as it is. Returns the job's id in the job flow.</summary>
public sealed class SubmitOrderActivity(RapidataClient rapidata, RunLedger ledger, JobFlow jobs, TimeProvider clock)
    : TaskActivity<OrderStep, SubmitOrderResult>
{
    public override async Task<SubmitOrderResult> RunAsync(TaskActivityContext context, OrderStep step)
    {
        var (flow, _) = await RunFlows.ResolveAsync(ledger, step);
        if (flow == RapidataFlow.Jobs)
        {
            return new SubmitOrderResult(await jobs.SubmitAsync(step.RunId));
        }
        var order = await rapidata.GetOrderAsync(step.OrderId);
        if (order.State == OrderState.Created) await rapidata.PreviewOrderAsync(step.OrderId);
        if (order.State is OrderState.Created or OrderState.Preview)
        {
            await rapidata.SubmitOrderAsync(step.OrderId);
            await ledger.RecordSubmittedAsync(step.RunId, clock.GetUtcNow());
        }
        return new SubmitOrderResult(JobId: null);
    }
}
