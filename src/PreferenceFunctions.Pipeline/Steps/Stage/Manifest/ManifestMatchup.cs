using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>
/// A matchup ready for upload. <see cref="MatchupId"/> is the CSV's id, else derived from the row's content
/// (stable across runs); <see cref="SortIndex"/> is its 0-based position in the order (Rapidata's sortIndex).
/// Stored as JSON in the run's manifest chunks, so its shape outlives a deployment.
/// </summary>
public sealed record ManifestMatchup(
    string MatchupId,
    int SortIndex,
    string Prompt,
    ManifestImage Image1,
    ManifestImage Image2,
    IReadOnlyDictionary<string, string> PrivateMetadata)
{
    /// <summary>Which matchup this is, its images named by their manifest paths (a method: not part of the stored JSON).</summary>
    public Matchup ToMatchup() => new()
    {
        Id = MatchupId,
        Prompt = Prompt,
        Image1 = Image1.Path,
        Image2 = Image2.Path,
        Model1 = Image1.Model,
        Model2 = Image2.Model,
    };
}
