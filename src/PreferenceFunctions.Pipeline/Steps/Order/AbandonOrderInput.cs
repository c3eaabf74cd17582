using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Give up on a run's submitted order: <see cref="Action"/> says whether to pause, delete or keep it, and why.</summary>
/// <param name="Flow">The order's flow when the caller knows it (a follow-up round's order is always an order); else the run's.</param>
public sealed record AbandonOrderInput(string RunId, string OrderId, OrderAbandonAction Action, string Reason, RapidataFlow? Flow = null) : IRunInput;
