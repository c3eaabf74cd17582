namespace PreferenceFunctions.Pipeline.Activities;

/// <summary>Input of the small activities that act on a run's order.</summary>
public sealed record OrderStep(string RunId, string OrderId);
