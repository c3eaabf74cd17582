namespace PreferenceFunctions.Rapidata.Models;

/// <summary>One item of <c>GET /orders</c>.</summary>
public sealed record OrderSummary(
    string Id,
    string OrderName,
    OrderState State,
    string PipelineId,
    DateTimeOffset? OrderDate,
    string? CustomerMail,
    bool IsPublic,
    string? FailureMessage);
