namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>
/// A matchup ready for upload. <see cref="MatchupId"/> is the CSV's id, else derived from the row's content
/// (stable across runs); <see cref="SortIndex"/> is its 0-based position in the order (Rapidata's sortIndex).
/// </summary>
public sealed record ManifestMatchup(
    string MatchupId,
    int SortIndex,
    string Prompt,
    ManifestImage Image1,
    ManifestImage Image2,
    IReadOnlyDictionary<string, string> PrivateMetadata);
