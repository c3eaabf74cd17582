using System.Collections.Concurrent;

namespace PreferenceFunctions.Emulator.State;

/// <summary>Everything the emulator knows, in memory; <see cref="StatePersistence"/> mirrors it to a folder when configured.</summary>
internal sealed class EmulatorState
{
    private long version;

    public ConcurrentDictionary<string, AssetRecord> Assets { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, OrderRecord> Orders { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DatasetRecord> Datasets { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ValidationSetRecord> ValidationSets { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, PreliminaryDownload> PreliminaryDownloads { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Grows on every change, so persistence knows when to write.</summary>
    public long Version => Interlocked.Read(ref version);

    public void Changed() => Interlocked.Increment(ref version);

    /// <summary>The orders the API still serves: a deleted order stays here (Cancelled, for the admin API) but is gone from the API.</summary>
    public IEnumerable<OrderRecord> LiveOrders => Orders.Values.Where(o => !o.IsDeleted);

    /// <summary>The order, unless it does not exist or was deleted.</summary>
    public OrderRecord? FindOrder(string orderId) => Orders.TryGetValue(orderId, out var order) && !order.IsDeleted ? order : null;

    /// <summary>The dataset, unless it does not exist or its order was deleted (with its resources).</summary>
    public DatasetRecord? FindDataset(string datasetId) =>
        Datasets.TryGetValue(datasetId, out var dataset) && FindOrder(dataset.OrderId) is not null ? dataset : null;

    public OrderRecord? OrderByPipeline(string pipelineId) => LiveOrders.FirstOrDefault(o => o.PipelineId == pipelineId);

    public OrderRecord? OrderByWorkflow(string workflowId) => LiveOrders.FirstOrDefault(o => o.WorkflowId == workflowId);
}
