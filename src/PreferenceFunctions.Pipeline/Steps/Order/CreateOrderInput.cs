using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Order;

public sealed record CreateOrderInput(string RunId, OrderSettings Settings) : IRunInput;
