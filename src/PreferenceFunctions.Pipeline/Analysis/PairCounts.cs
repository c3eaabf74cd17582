namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// The votes between two models (<see cref="Model1"/> ordinally before <see cref="Model2"/>), as the splits of their
/// matchups. Leaderboards keep these instead of votes or matchups.
/// </summary>
public sealed record PairCounts(string Model1, string Model2, IReadOnlyList<MatchupSplit> Splits)
{
    public long Wins1 => Splits.Sum(s => (long)s.Votes1 * s.Matchups);
    public long Wins2 => Splits.Sum(s => (long)s.Votes2 * s.Matchups);
    public long Matchups => Splits.Sum(s => (long)s.Matchups);
}
