using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// Creates the run's Rapidata order, never twice: the order recorded on the run row is reused; else an order whose
/// name carries the run id (an earlier attempt that crashed before recording it) is adopted; only then a new one is
/// created, and recorded at once.
/// </summary>
public sealed partial class CreateOrderActivity(RapidataClient rapidata, RunLedger ledger,
    ILogger<CreateOrderActivity> logger) : TaskActivity<CreateOrderInput, OrderReference>
{
    public override async Task<OrderReference> RunAsync(TaskActivityContext context, CreateOrderInput input)
    {
        var run = await ledger.GetAsync(input.RunId);
        if (run is { OrderId: { } recordedId, RapidataDatasetId: { } recordedDataset })
            return new OrderReference(recordedId, recordedDataset, run.PipelineId ?? "", run.OrderName ?? "");

        var orderName = OrderNameFor(input.Settings.Name, input.RunId);
        var page = await rapidata.FindOrdersAsync(input.RunId);
        var adopted = page.Items.FirstOrDefault(o => o.OrderName == orderName);
        OrderReference order;
        if (adopted is not null)
        {
            var datasetId = await rapidata.GetPipelineDatasetIdAsync(adopted.PipelineId);
            order = new OrderReference(adopted.Id, datasetId, adopted.PipelineId, orderName);
            LogAdopted(input.RunId, adopted.Id);
        }
        else
        {
            var created = await rapidata.CreateCompareOrderAsync(CompareOrderRequests.Create(orderName, input.Settings));
            var datasetId = created.DatasetId ?? await rapidata.GetPipelineDatasetIdAsync(created.PipelineId);
            order = new OrderReference(created.OrderId, datasetId, created.PipelineId, orderName);
            LogCreated(input.RunId, created.OrderId);
            await DeleteTwinsAsync(input.RunId, orderName, created.OrderId);
        }
        await ledger.RecordOrderAsync(input.RunId, order);
        if ((await ledger.GetAsync(input.RunId))?.Status == RunStatus.Cancelled)
        {
            // The run was terminated (cancel's last resort) while this ran: nothing was submitted, so the order goes too.
            await rapidata.DeleteOrderAsync(order.OrderId);
            LogDeletedAfterCancel(input.RunId, order.OrderId);
        }
        return order;
    }

    /// <summary>
    /// A POST retried by the transport after a lost response can leave a second, empty order with the same name; it was
    /// never submitted (nothing billed), and is deleted so the run has exactly one order.
    /// </summary>
    private async Task DeleteTwinsAsync(string runId, string orderName, string keptOrderId)
    {
        var page = await rapidata.FindOrdersAsync(runId);
        foreach (var twin in page.Items.Where(o => o.OrderName == orderName && o.Id != keptOrderId && o.State == OrderState.Created))
        {
            await rapidata.DeleteOrderAsync(twin.Id);
            LogDeletedTwin(runId, twin.Id);
        }
    }

    /// <summary>The order's name ends with the run id so a lost order can be found again by name.</summary>
    public static string OrderNameFor(string name, string runId) => $"{name} [{runId}]";

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: created Rapidata order {OrderId}")]
    private partial void LogCreated(string runId, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: deleted empty twin order {OrderId} left by a retried request")]
    private partial void LogDeletedTwin(string runId, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: deleted order {OrderId}, created after the run was cancelled")]
    private partial void LogDeletedAfterCancel(string runId, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: adopted Rapidata order {OrderId} created by an earlier attempt")]
    private partial void LogAdopted(string runId, string orderId);
}
