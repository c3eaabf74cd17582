using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// <c>Leaderboards</c>: a model pair's votes, either one run's (<c>runpair|{run}|{model1}|{model2}</c>) or the sum over
/// the leaderboard's runs (<c>pair|{model1}|{model2}</c>, with the contributing runs).
/// </summary>
public sealed class LeaderboardPairEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Model1 { get; set; } = "";
    public string Model2 { get; set; } = "";
    public long Wins { get; set; }
    public long Losses { get; set; }
    public long Ties { get; set; }
    public double Weighted1 { get; set; }
    public double Weighted2 { get; set; }
    public long Matchups { get; set; }

    /// <summary>The matchups as vote splits, <c>votes1:votes2:matchups</c> separated by spaces.</summary>
    public string Splits { get; set; } = "";

    /// <summary>The contributing run ids, comma-separated.</summary>
    public string Runs { get; set; } = "";

    public LeaderboardPair ToPair() => new(Model1, Model2, Wins, Losses, Ties, Weighted1, Weighted2, SplitText.Parse(Splits),
        Runs.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public static LeaderboardPairEntity From(string leaderboard, string rowKey, LeaderboardPair pair) => new()
    {
        PartitionKey = leaderboard,
        RowKey = rowKey,
        Model1 = pair.Model1,
        Model2 = pair.Model2,
        Wins = pair.Wins,
        Losses = pair.Losses,
        Ties = pair.Ties,
        Weighted1 = pair.Weighted1,
        Weighted2 = pair.Weighted2,
        Matchups = pair.Matchups,
        Splits = SplitText.Format(pair.Splits),
        Runs = string.Join(',', pair.Runs),
    };
}
