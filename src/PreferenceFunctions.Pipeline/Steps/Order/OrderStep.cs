using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// Input of the small activities that act on a run's order (or job). <see cref="Flow"/> is the run's flow when the
/// caller knows it; when null the activity reads the flow recorded on the run's row (a job's id is always read there).
/// </summary>
public sealed record OrderStep(string RunId, string OrderId, RapidataFlow? Flow = null) : IRunInput;
