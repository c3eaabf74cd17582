using PreferenceFunctions.Pipeline.Datasets;
using PreferenceFunctions.Pipeline.Datasets.Settings;

namespace PreferenceFunctions.Pipeline.Activities;

public sealed record CreateOrderInput(string RunId, OrderSettings Settings);
