using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// One analysed matchup: a MatchupResults row, a matchups.csv line and a matchup of the results API (one flat JSON
/// object, see <see cref="MatchupResultJsonConverter"/>). Ratio is the seed post's max(votes1, votes2) / (votes1 + votes2)
/// (0 without votes); CiLow/CiHigh bracket it with a 95% Wilson interval. Winner/WeightedWinner name the winning model
/// by raw/weighted votes, empty on a tie.
/// </summary>
[JsonConverter(typeof(MatchupResultJsonConverter))]
public sealed record MatchupResult
{
    public required Matchup Matchup { get; init; }
    public required int Votes1 { get; init; }
    public required int Votes2 { get; init; }
    public required double Ratio { get; init; }
    public required double WeightedVotes1 { get; init; }
    public required double WeightedVotes2 { get; init; }
    public required string Winner { get; init; }
    public required string WeightedWinner { get; init; }
    public required double CiLow { get; init; }
    public required double CiHigh { get; init; }
    public required bool Disagreement { get; init; }
    public required bool Tie { get; init; }
    public required int BothVotes { get; init; }
    public required int NeitherVotes { get; init; }

    public int TotalVotes => Votes1 + Votes2;
}
