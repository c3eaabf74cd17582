using System.ComponentModel.DataAnnotations;

namespace PreferenceFunctions.Local.Engine;

/// <summary>
/// The local durable engine, bound from the <c>Local</c> configuration section. Defaults suit a 2-core laptop:
/// activities are I/O-bound (Rapidata, storage), so more of them run at once than orchestrations.
/// </summary>
public sealed class LocalEngineOptions
{
    public const string SectionName = "Local";

    /// <summary>Task hub name (tables, queues and blob containers of the durable engine are prefixed with it).</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "Local:TaskHub must be 3-45 letters or digits, starting with a letter.")]
    public string TaskHub { get; set; } = "PreferenceFunctionsLocal";

    /// <summary>Control-queue partitions: the unit several hosts on one storage account split between them.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    [Range(1, 256)]
    public int MaxConcurrentActivities { get; set; } = 16;

    [Range(1, 256)]
    public int MaxConcurrentOrchestrations { get; set; } = 8;

    /// <summary>Longest pause between queue polls when idle (Durable Functions defaults to 30 s; locally we want snappy).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued message stays invisible. After a crash (kill -9) unfinished work reappears after this long,
    /// so it bounds recovery time; it must exceed the longest activity.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Partition lease length: a crashed host's partitions are taken over after at most this long.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the dataset watcher lists the datasets container.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Set to false to drive runs only through the HTTP API and the Event Grid endpoint.</summary>
    public bool WatchDatasets { get; set; } = true;
}
