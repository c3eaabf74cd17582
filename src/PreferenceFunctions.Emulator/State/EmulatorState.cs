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

    public ConcurrentDictionary<string, JobDefinitionRecord> JobDefinitions { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, AudienceRecord> Audiences { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, PreliminaryDownload> PreliminaryDownloads { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Grows on every change, so persistence knows when to write.</summary>
    public long Version => Interlocked.Read(ref version);

    public void Changed() => Interlocked.Increment(ref version);

    /// <summary>The orders the API still serves: a deleted order stays here (Cancelled, for the admin API) but is gone from the API.</summary>
    public IEnumerable<OrderRecord> LiveOrders => Orders.Values.Where(o => !o.IsDeleted && !o.IsJob);

    /// <summary>The jobs the API still serves (a job runs on the same record and state machine as an order).</summary>
    public IEnumerable<OrderRecord> LiveJobs => Orders.Values.Where(o => !o.IsDeleted && o.IsJob);

    /// <summary>The order, unless it does not exist, was deleted, or is a job.</summary>
    public OrderRecord? FindOrder(string orderId) =>
        Orders.TryGetValue(orderId, out var order) && !order.IsDeleted && !order.IsJob ? order : null;

    /// <summary>The job, unless it does not exist or was deleted.</summary>
    public OrderRecord? FindJob(string jobId) => Orders.TryGetValue(jobId, out var job) && !job.IsDeleted && job.IsJob ? job : null;

    /// <summary>The dataset, unless it does not exist or its order was deleted (with its resources); a dataset created on
    /// its own (job flow) outlives its jobs.</summary>
    public DatasetRecord? FindDataset(string datasetId) =>
        Datasets.TryGetValue(datasetId, out var dataset) && (dataset.OrderId is null || FindOrder(dataset.OrderId) is not null) ? dataset : null;

    public OrderRecord? OrderByPipeline(string pipelineId) => LiveOrders.FirstOrDefault(o => o.PipelineId == pipelineId);

    public OrderRecord? OrderByWorkflow(string workflowId) => LiveOrders.FirstOrDefault(o => o.WorkflowId == workflowId);
}
