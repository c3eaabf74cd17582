using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// A row of <c>DatasetTriggers</c>: the last version (ETag) of a dataset's <c>matchups.csv</c> a run was started for, and the
/// task hub of the host that claimed it. PartitionKey = container, RowKey = escaped blob name. Kept in storage so a restarted
/// host does not trigger again.
/// </summary>
public sealed class DatasetTriggerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The blob's ETag (without quotes) the run was started for.</summary>
    public string BlobETag { get; set; } = "";

    public string RunId { get; set; } = "";

    /// <summary>
    /// The task hub whose host claimed this version and runs it; only hosts of that hub may judge the claim abandoned.
    /// Empty on rows written before claims carried their hub: those are never taken over.
    /// </summary>
    public string TaskHub { get; set; } = "";

    public DateTimeOffset TriggeredAt { get; set; }
}
