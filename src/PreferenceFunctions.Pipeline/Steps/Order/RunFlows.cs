using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>The flow an Order-step activity dispatches on: the step's own, else the one recorded on the run's row.</summary>
internal static class RunFlows
{
    public static async Task<(RapidataFlow Flow, PreferenceRunEntity? Row)> ResolveAsync(RunLedger ledger, OrderStep step,
        CancellationToken cancellationToken = default)
    {
        if (step.Flow == RapidataFlow.Orders) return (RapidataFlow.Orders, null);
        var row = await ledger.GetAsync(step.RunId, cancellationToken);
        return (step.Flow ?? row?.Flow ?? RapidataFlow.Orders, row);
    }
}
