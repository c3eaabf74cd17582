namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>Which matchups become chosen/rejected pairs.</summary>
/// <param name="MinMargin">Smallest (chosen - rejected) / (chosen + rejected) vote margin kept, from 0 to 1; ties never count.</param>
/// <param name="MinVotes">Fewest votes (for the two images together) a matchup needs to be kept.</param>
/// <param name="UseWeightedVotes">Decide by votes weighted with the labelers' user scores.</param>
public sealed record DpoExportOptions(double MinMargin = 0.2, int MinVotes = 1, bool UseWeightedVotes = false);
