namespace PreferenceFunctions.Rapidata.Models;

/// <summary>One item of <c>GET /orders</c>.</summary>
public sealed record OrderSummary(
    string Id,
    string OrderName,
    OrderState State,
    string PipelineId,
    bool IsPublic,
    DateTimeOffset? OrderDate = null,
    string? CustomerMail = null,
    string? FailureMessage = null);
