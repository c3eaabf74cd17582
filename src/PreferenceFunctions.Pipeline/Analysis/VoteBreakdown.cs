namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Who preferred which model: win rate per model by the voters' country and by their age group, from the individual
/// votes. Cells under <see cref="MinVotes"/> are hidden (a rate from a handful of votes is noise).
/// </summary>
public sealed record VoteBreakdown(int MinVotes, BreakdownTable ByCountry, BreakdownTable ByAge)
{
    /// <summary>The default smallest number of votes a cell needs to be shown.</summary>
    public const int DefaultMinVotes = 30;

    /// <summary>The group of votes whose voter did not say (no country, no age in the results).</summary>
    public const string NotGiven = "not given";
}
