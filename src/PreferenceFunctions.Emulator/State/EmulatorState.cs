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

    public OrderRecord? OrderByPipeline(string pipelineId) => Orders.Values.FirstOrDefault(o => o.PipelineId == pipelineId);
}
