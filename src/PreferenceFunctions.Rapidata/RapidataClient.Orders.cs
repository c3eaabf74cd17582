using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>Creates a compare order (<c>POST /order</c>); Rapidata creates its dataset with it.</summary>
    public async Task<CreatedOrder> CreateCompareOrderAsync(CompareOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name, nameof(request.Name));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Criteria, nameof(request.Criteria));
        ArgumentNullException.ThrowIfNull(request.Referee, nameof(request.Referee));
        var body = new CreateOrderBody(
            request.Name,
            new SimpleWorkflowBody(new CompareBlueprintBody(request.Criteria, request.IndexIdentifiers)),
            request.Referee,
            request.ValidationSetId,
            request.UserFilters ?? [],
            request.RapidFeatureFlags,
            request.Selections);
        return await SendForJsonAsync<CreatedOrder>(HttpMethod.Post, "order", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves a new order to <see cref="OrderState.Preview"/> (<c>POST /order/{id}/preview</c>).</summary>
    public Task PreviewOrderAsync(string orderId, bool ignoreFailedDatapoints = true, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Post, $"order/{Segment(orderId, nameof(orderId))}/preview",
            new IgnoreFailedDatapointsBody(ignoreFailedDatapoints), cancellationToken);

    /// <summary>Submits the order for labeling (<c>POST /order/{id}/submit</c>); it is locked afterwards.</summary>
    public Task SubmitOrderAsync(string orderId, bool ignoreFailedDatapoints = true, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Post, $"order/{Segment(orderId, nameof(orderId))}/submit",
            new IgnoreFailedDatapointsBody(ignoreFailedDatapoints), cancellationToken);

    /// <summary>Stops collecting responses (<c>POST /order/{id}/pause</c>).</summary>
    public Task PauseOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Post, $"order/{Segment(orderId, nameof(orderId))}/pause", null, cancellationToken);

    /// <summary>Resumes a paused order (<c>POST /order/{id}/resume</c>).</summary>
    public Task ResumeOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Post, $"order/{Segment(orderId, nameof(orderId))}/resume", null, cancellationToken);

    /// <summary>Deletes the order and its resources (<c>DELETE /order/{id}</c>).</summary>
    public Task DeleteOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Delete, $"order/{Segment(orderId, nameof(orderId))}", null, cancellationToken);

    /// <summary>Re-runs the order's pipeline, e.g. to rebuild <see cref="OrderState.StaleResults"/> (<c>POST /order/{id}/retry</c>).</summary>
    public Task RetryOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Post, $"order/{Segment(orderId, nameof(orderId))}/retry", null, cancellationToken);

    /// <summary>The order's state and failure message (<c>GET /order/{id}</c>).</summary>
    public async Task<RapidataOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await SendForJsonAsync<GetOrderResponse>(HttpMethod.Get, $"order/{Segment(orderId, nameof(orderId))}", null, cancellationToken)
            .ConfigureAwait(false);
        return new RapidataOrder(orderId, order.OrderName, OrderStateJsonConverter.Parse(order.State), order.State,
            order.FailureMessage, order.PipelineId, order.OrderDate, order.CustomerMail, order.IsLocked, order.IsPublic);
    }

    /// <summary>Orders whose name contains <paramref name="nameContains"/>, newest first (<c>GET /orders</c>).</summary>
    public async Task<OrderPage> FindOrdersAsync(string nameContains, int page = 1, int pageSize = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameContains);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        // deepObject filter order_name[contains]=...; brackets percent-encoded as the Python SDK's client sends them.
        var query = $"page={page}&page_size={pageSize}&order_name%5Bcontains%5D={Uri.EscapeDataString(nameContains)}&sort=-order_date";
        var result = await SendForJsonAsync<OrdersPageResponse>(HttpMethod.Get, "orders?" + query, null, cancellationToken).ConfigureAwait(false);
        return result.ToPage();
    }
}
