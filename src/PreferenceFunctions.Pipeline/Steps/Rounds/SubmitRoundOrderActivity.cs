using Microsoft.DurableTask;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>Preview, then submit the round's order. Safe to repeat: an order already past a step is left as it is.</summary>
public sealed class SubmitRoundOrderActivity(RapidataClient rapidata) : TaskActivity<RoundStep, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RoundStep step)
    {
        var orderId = step.OrderId ?? throw new ArgumentException("The round's order id is missing.", nameof(step));
        var order = await rapidata.GetOrderAsync(orderId);
        if (order.State == OrderState.Created) await rapidata.PreviewOrderAsync(orderId);
        if (order.State is OrderState.Created or OrderState.Preview) await rapidata.SubmitOrderAsync(orderId);
        return true;
    }
}
