using PreferenceFunctions.Pipeline.Steps.Order;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>How the wait ended: the order's last known status, and whether the run's deadline passed first.</summary>
internal sealed record CrowdWaitResult(OrderStatus Last, bool DeadlinePassed);
