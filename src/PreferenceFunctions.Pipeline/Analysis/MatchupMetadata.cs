namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Private metadata every uploaded datapoint carries, so each entry of Rapidata's results document can be joined back to
/// its matchup: the upload writes it, <see cref="MatchupOutcomeBuilder"/> reads it.
/// </summary>
internal static class MatchupMetadata
{
    /// <summary>The key of the matchup id in a datapoint's <c>privateMetadata</c>.</summary>
    public const string IdKey = "matchupId";
}
