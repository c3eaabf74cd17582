using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// Creates the run's Rapidata order (job flow: its dataset, <see cref="JobFlow.CreateDatasetAsync"/>), never twice: the
/// order recorded on the run row is reused; an unsubmitted order whose name carries the run id (an earlier attempt that
/// crashed before recording it) is deleted and a new one created and recorded at once.
/// </summary>
public sealed partial class CreateOrderActivity(RapidataClient rapidata, RunLedger ledger, JobFlow jobs,
    ILogger<CreateOrderActivity> logger) : TaskActivity<CreateOrderInput, OrderReference>
{
    public override async Task<OrderReference> RunAsync(TaskActivityContext context, CreateOrderInput input)
    {
        var run = await ledger.GetAsync(input.RunId);
        if (run is { OrderId: { } recordedId, RapidataDatasetId: { } recordedDataset })
            return new OrderReference(recordedId, recordedDataset, run.PipelineId ?? "", run.OrderName ?? "", run.Flow ?? RapidataFlow.Orders);

        var orderName = OrderNameFor(input.Settings.Name, input.RunId);
        if (input.Settings.Flow == RapidataFlow.Jobs) return await jobs.CreateDatasetAsync(input.RunId, orderName);

        // An order of a crashed attempt that was never recorded has not been submitted (nothing billed): it is deleted
        // rather than adopted, since its dataset id was only in the lost create response (GET /pipeline is deprecated).
        var lost = (await rapidata.FindOrdersAsync(input.RunId)).Items.Where(o => o.OrderName == orderName).ToList();
        if (lost.FirstOrDefault(o => o.State != OrderState.Created) is { } submitted)
            throw new InvalidOperationException($"Order {submitted.Id} named \"{orderName}\" is already {submitted.State} but not recorded " +
                "on this run; refusing to create a second, paid order.");
        await DeleteAsync(input.RunId, lost.Select(o => o.Id), adopted: true);

        var created = await rapidata.CreateCompareOrderAsync(CompareOrderRequests.Create(orderName, input.Settings));
        var datasetId = created.DatasetId ?? throw new InvalidOperationException(
            $"Rapidata created order {created.OrderId} without a dataset id; the run cannot upload to it.");
        var order = new OrderReference(created.OrderId, datasetId, created.PipelineId, orderName);
        LogCreated(input.RunId, created.OrderId);
        await ledger.RecordOrderAsync(input.RunId, order);
        // A POST retried after a lost response can leave a second, empty order with the same name (never submitted).
        var twins = (await rapidata.FindOrdersAsync(input.RunId)).Items
            .Where(o => o.OrderName == orderName && o.Id != created.OrderId && o.State == OrderState.Created).Select(o => o.Id);
        await DeleteAsync(input.RunId, twins, adopted: false);
        if ((await ledger.GetAsync(input.RunId))?.Status == RunStatus.Cancelled)
        {
            // The run was terminated (cancel's last resort) while this ran: nothing was submitted, so the order goes too.
            await rapidata.DeleteOrderAsync(order.OrderId);
            LogDeletedAfterCancel(input.RunId, order.OrderId);
        }
        return order;
    }

    private async Task DeleteAsync(string runId, IEnumerable<string> orderIds, bool adopted)
    {
        foreach (var id in orderIds.ToList())
        {
            await rapidata.DeleteOrderAsync(id);
            if (adopted) LogDeletedLost(runId, id);
            else LogDeletedTwin(runId, id);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: deleted unrecorded empty order {OrderId} of an earlier attempt")]
    private partial void LogDeletedLost(string runId, string orderId);
}
