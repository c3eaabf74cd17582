using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// A row of <c>DatasetTriggers</c>: the last version (ETag) of a dataset's <c>matchups.csv</c> a run was started for.
/// PartitionKey = container, RowKey = escaped blob name. Kept in storage so a restarted host does not trigger again.
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

    public DateTimeOffset TriggeredAt { get; set; }
}
