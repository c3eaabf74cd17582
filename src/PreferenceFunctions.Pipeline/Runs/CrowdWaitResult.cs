using PreferenceFunctions.Pipeline.Steps.Order;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>How a stretch of the wait ended: the order's last known status and the wait's state to carry on with.</summary>
internal sealed record CrowdWaitResult(CrowdWaitOutcome Outcome, OrderStatus Last, CrowdWaitState State, CancelRequest? Cancel = null);
