namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>A model's votes within one group of voters: <see cref="Wins"/> of the <see cref="Votes"/> cast in its
/// matchups for one of the two images (Both/Neither left out).</summary>
public sealed record BreakdownCell(int Wins, int Votes)
{
    public double WinRate => Votes == 0 ? 0 : (double)Wins / Votes;
}
