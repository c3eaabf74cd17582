using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary><c>ModelScores</c>: one row per model (PartitionKey runId, RowKey the escaped model name).</summary>
public sealed class ModelScoreEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Model { get; set; } = "";
    public int Votes { get; set; }
    public int Pairs { get; set; }
    public int PairsWon { get; set; }
    public int PairsTied { get; set; }
    public double WeightedVotes { get; set; }
    public double WinRate { get; set; }
    public double Score { get; set; }
    public double ScoreLow { get; set; }
    public double ScoreHigh { get; set; }
    public int Rank { get; set; }
    public int Component { get; set; }
}
