using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Order;

public sealed record CreateOrderInput(string RunId, OrderSettings Settings);
