using PreferenceFunctions.Pipeline.Datasets;

namespace PreferenceFunctions.Pipeline.Activities;

public sealed record CreateOrderInput(string RunId, OrderSettings Settings);
