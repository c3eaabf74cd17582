using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Sent to a running run as the external event <see cref="EventName"/>: the orchestration stops itself, doing
/// <see cref="Action"/> to a submitted order. An order created but not yet submitted is always deleted (nothing was paid).
/// </summary>
public sealed record CancelRequest(OrderAbandonAction Action, string Reason)
{
    public const string EventName = "Cancel";
}
