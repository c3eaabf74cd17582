namespace PreferenceFunctions.Rapidata.Models;

/// <summary>One pair to compare, referencing two uploaded assets by their server-side names.</summary>
/// <param name="Context">The prompt shown next to the criteria.</param>
/// <param name="SortIndex">The pair's 0-based position in the input.</param>
/// <param name="PrivateMetadata">Hidden from labelers, returned in the results (e.g. a matchup id).</param>
public sealed record CompareDatapoint(
    string FirstAssetName,
    string SecondAssetName,
    string? Context,
    int SortIndex,
    IReadOnlyDictionary<string, string>? PrivateMetadata);
