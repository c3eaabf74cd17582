namespace PreferenceFunctions.Emulator.Orders;

/// <summary>CreateOrderEndpoint_Output.</summary>
internal sealed record CreateOrderOutput(string? DatasetId, string OrderId, string? CampaignId, string PipelineId);

/// <summary>GetOrderByIdEndpoint_Output.</summary>
internal sealed record OrderOutput(
    string OrderName, string CustomerMail, DateTimeOffset OrderDate, string State, string PipelineId, bool IsLocked, bool IsPublic, string? FailureMessage);

/// <summary>QueryOrdersEndpoint_Output.</summary>
internal sealed record OrderListItem(
    string Id, string PipelineId, DateTimeOffset? OrderDate, string CustomerMail, string State, string OrderName, bool IsPublic, string? FailureMessage);

/// <summary>QueryOrdersEndpoint_PagedResultOfOutput.</summary>
internal sealed record OrderPage(long Total, int Page, int PageSize, IReadOnlyList<OrderListItem> Items, int TotalPages);
