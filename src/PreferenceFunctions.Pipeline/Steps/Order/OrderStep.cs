namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Input of the small activities that act on a run's order.</summary>
public sealed record OrderStep(string RunId, string OrderId);
