namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A compare qualification example of an audience (<c>POST /audience/{id}/example</c>): labelers graduate into the
/// audience by answering such examples right.</summary>
/// <param name="WinnerAssetName">The server-side name of the correct asset: one of the two.</param>
/// <param name="SortIndex">Serving order within the audience; also how a caller recognises an example it added before.</param>
/// <param name="Context">The prompt shown beside the pair.</param>
/// <param name="RandomCorrectProbability">Chance of guessing right; 0.5 for a pair.</param>
public sealed record CompareAudienceExample(
    string FirstAssetName,
    string SecondAssetName,
    string Criteria,
    string WinnerAssetName,
    int SortIndex,
    string? Context = null,
    double RandomCorrectProbability = 0.5);
