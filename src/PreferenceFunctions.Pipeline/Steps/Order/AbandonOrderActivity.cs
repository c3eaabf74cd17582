using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>The run gives up on its order: <see cref="OrderAbandoner"/> pauses, deletes or keeps it and records what it did.</summary>
public sealed class AbandonOrderActivity(OrderAbandoner abandoner) : TaskActivity<AbandonOrderInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, AbandonOrderInput input) => abandoner.AbandonAsync(input);
}
