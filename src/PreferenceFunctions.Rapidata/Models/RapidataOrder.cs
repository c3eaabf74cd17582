namespace PreferenceFunctions.Rapidata.Models;

/// <summary>An order as <c>GET /order/{orderId}</c> returns it.</summary>
/// <param name="RawState">The state exactly as the API wrote it (useful when <paramref name="State"/> is Unknown).</param>
public sealed record RapidataOrder(
    string Id,
    string OrderName,
    OrderState State,
    string RawState,
    string? FailureMessage,
    string PipelineId,
    DateTimeOffset OrderDate,
    string CustomerMail,
    bool IsLocked,
    bool IsPublic);
