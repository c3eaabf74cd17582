namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// One analysed matchup: a MatchupResults row and a matchups.csv line. Ratio is the seed post's
/// max(votes1, votes2) / (votes1 + votes2) (0 without votes); CiLow/CiHigh bracket it with a 95% Wilson
/// interval. Winner/WeightedWinner name the winning model by raw/weighted votes, empty on a tie.
/// </summary>
public sealed record MatchupResult(
    string MatchupId,
    string Prompt,
    string Image1,
    string Image2,
    string Model1,
    string Model2,
    int Votes1,
    int Votes2,
    double Ratio,
    double WeightedVotes1,
    double WeightedVotes2,
    string Winner,
    string WeightedWinner,
    double CiLow,
    double CiHigh,
    bool Disagreement,
    bool Tie,
    int BothVotes,
    int NeitherVotes)
{
    public int TotalVotes => Votes1 + Votes2;
}
