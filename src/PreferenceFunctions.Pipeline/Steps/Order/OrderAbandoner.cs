using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// Stops paying for an order (or job) a run gave up on (deadline, failure after submit, cancel): pauses or deletes it as
/// asked, or keeps it, and records what was done on the run. An order that already ended, or is gone, is left as it is.
/// Safe to run twice. Used by <see cref="AbandonOrderActivity"/> and by cancel's last resort in the HTTP API.
/// </summary>
public sealed class OrderAbandoner(RapidataClient rapidata, RunLedger ledger, JobFlow jobs)
{
    /// <returns>What was done, e.g. "paused" or "deleted".</returns>
    public async Task<string> AbandonAsync(AbandonOrderInput input, CancellationToken cancellationToken = default)
    {
        var (flow, row) = await RunFlows.ResolveAsync(ledger, new OrderStep(input.RunId, input.OrderId, input.Flow), cancellationToken);
        var (outcome, state) = flow == RapidataFlow.Jobs ? await jobs.AbandonAsync(row, input.Action) : await AbandonOrderAsync(input);
        await ledger.RecordOrderAbandonedAsync(input.RunId, $"{outcome} ({input.Reason})", state, cancellationToken);
        return outcome;
    }

    private async Task<(string Outcome, OrderState? State)> AbandonOrderAsync(AbandonOrderInput input)
    {
        if (input.Action == OrderAbandonAction.Keep) return ("kept running", null);
        RapidataOrder order;
        try
        {
            order = await rapidata.GetOrderAsync(input.OrderId);
        }
        catch (RapidataRequestException e) when (e.StatusCode == 404)
        {
            return ("already gone", null);
        }
        if (order.State is OrderState.Completed or OrderState.Failed or OrderState.Cancelled)
            return ($"left as it was: it had already ended ({order.RawState})", order.State);
        if (input.Action == OrderAbandonAction.Delete)
        {
            await rapidata.DeleteOrderAsync(input.OrderId);
            return ("deleted", OrderState.Cancelled);
        }
        if (order.State == OrderState.Paused) return ("paused", OrderState.Paused);
        await rapidata.PauseOrderAsync(input.OrderId);
        return ("paused", OrderState.Paused);
    }
}
