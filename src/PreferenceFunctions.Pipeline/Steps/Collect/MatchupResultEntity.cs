using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary><c>MatchupResults</c>: one row per matchup (PartitionKey runId, RowKey the escaped matchup id).</summary>
public sealed class MatchupResultEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string MatchupId { get; set; } = "";
    public string? Prompt { get; set; }

    /// <summary>The context Rapidata showed instead of a prompt over 400 characters; null when the prompt was shown as it is.</summary>
    public string? ShortenedPrompt { get; set; }
    public string Image1 { get; set; } = "";
    public string Image2 { get; set; } = "";
    public string Model1 { get; set; } = "";
    public string Model2 { get; set; } = "";
    public int Votes1 { get; set; }
    public int Votes2 { get; set; }
    public int BothVotes { get; set; }
    public int NeitherVotes { get; set; }
    public double Ratio { get; set; }
    public double WeightedVotes1 { get; set; }
    public double WeightedVotes2 { get; set; }
    public string? Winner { get; set; }
    public string? WeightedWinner { get; set; }
    public bool WinnersDisagree { get; set; }
    public bool Tie { get; set; }
    public double? CiLow { get; set; }
    public double? CiHigh { get; set; }
}
