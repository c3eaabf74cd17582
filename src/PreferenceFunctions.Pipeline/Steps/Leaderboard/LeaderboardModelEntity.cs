using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary><c>Leaderboards</c> <c>model|{model}</c>: a model's fitted standing (see <see cref="Analysis.PairCountScore"/>).</summary>
public sealed class LeaderboardModelEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Model { get; set; } = "";
    public double Score { get; set; }
    public double ScoreLow { get; set; }
    public double ScoreHigh { get; set; }
    public int Rank { get; set; }
    public int Component { get; set; }
    public long Votes { get; set; }
    public long Wins { get; set; }

    /// <summary>How many of the leaderboard's runs the model played in.</summary>
    public int Runs { get; set; }
}
