namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A page of <c>GET /orders</c>, newest first.</summary>
public sealed record OrderPage(long Total, int Page, int PageSize, int TotalPages, IReadOnlyList<OrderSummary> Items);
