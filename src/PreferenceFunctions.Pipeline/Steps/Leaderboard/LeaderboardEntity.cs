using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary><c>Leaderboards</c> <c>board</c>: the leaderboard's summary, written last whenever its runs change.</summary>
public sealed class LeaderboardEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = LeaderboardRows.Board;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Runs { get; set; }
    public int Models { get; set; }
    public long Votes { get; set; }
    public long Matchups { get; set; }
    public DateTimeOffset Updated { get; set; }

    /// <summary>Counts the changes (1 for the first run); part of each change's event id.</summary>
    public long Version { get; set; }

    /// <summary>
    /// The SHA-256 (hex) of the contributing run ids, sorted, as last fitted: tells whether a refit is due. A hash, not
    /// the ids, so a leaderboard of thousands of runs stays within a table property's 64 KiB.
    /// </summary>
    public string RunsFingerprint { get; set; } = "";
}
