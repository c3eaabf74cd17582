using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Give up on a run's submitted order: <see cref="Action"/> says whether to pause, delete or keep it, and why.</summary>
public sealed record AbandonOrderInput(string RunId, string OrderId, OrderAbandonAction Action, string Reason) : IRunInput;
