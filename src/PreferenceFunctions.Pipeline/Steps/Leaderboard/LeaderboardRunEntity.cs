using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// <c>Leaderboards</c> <c>run|{runId}</c>: the run counts in the leaderboard. Written after the run's
/// <c>runpair|</c> rows and deleted before them, so a run counts with all of its pairs or not at all.
/// </summary>
public sealed class LeaderboardRunEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string RunId { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public long Votes { get; set; }
    public long Matchups { get; set; }
}
