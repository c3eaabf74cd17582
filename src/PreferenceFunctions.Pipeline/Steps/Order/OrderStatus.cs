using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>The order's state as Rapidata reports it; <see cref="RawState"/> keeps the text of a state this version does not know.</summary>
public sealed record OrderStatus(OrderState State, string RawState, string? FailureMessage);
