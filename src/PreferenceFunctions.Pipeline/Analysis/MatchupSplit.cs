namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// How many matchups of one model pair ended with this split of votes (<paramref name="Votes1"/> for the pair's first
/// model, <paramref name="Votes2"/> for its second). A pair's splits are its votes without the individual matchups:
/// small however many votes there are, and enough to resample matchups for bootstrap intervals.
/// </summary>
public readonly record struct MatchupSplit(int Votes1, int Votes2, int Matchups);
