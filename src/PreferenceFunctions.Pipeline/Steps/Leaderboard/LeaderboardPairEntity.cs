using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// <c>Leaderboards</c>: a model pair's votes, either one run's (<c>runpair|{run}|{model1}|{model2}</c>, naming the run) or
/// the sum over the leaderboard's runs (<c>pair|{model1}|{model2}</c>, counting them).
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

    /// <summary>
    /// On a run's own row, that run's id. Summed rows written before <see cref="RunCount"/> existed listed their runs here,
    /// comma-separated (a list that outgrew the 64 KiB of a table property at about 700 runs); they are rewritten at the
    /// next refit.
    /// </summary>
    public string Runs { get; set; } = "";

    /// <summary>How many runs the votes came from (1 on a run's own row).</summary>
    public int RunCount { get; set; }

    public LeaderboardPair ToPair() => new(Model1, Model2, Wins, Losses, Ties, Weighted1, Weighted2, SplitText.Parse(Splits),
        RunCount > 0 ? RunCount : Runs.Split(',', StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>A run's own row for <paramref name="pair"/>.</summary>
    public static LeaderboardPairEntity ForRun(string leaderboard, string runId, LeaderboardPair pair) =>
        From(leaderboard, LeaderboardRows.RunPair(runId, pair.Model1, pair.Model2), pair with { Runs = 1 }, runId);

    /// <summary>The summed row for <paramref name="pair"/>.</summary>
    public static LeaderboardPairEntity ForSum(string leaderboard, LeaderboardPair pair) =>
        From(leaderboard, LeaderboardRows.Pair(pair.Model1, pair.Model2), pair, runId: "");

    private static LeaderboardPairEntity From(string leaderboard, string rowKey, LeaderboardPair pair, string runId) => new()
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
        Runs = runId,
        RunCount = pair.Runs,
    };
}
