namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>The order's state as Rapidata reports it (the state's name, so unknown future states survive).</summary>
public sealed record OrderStatus(string State, string? FailureMessage);
