namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A compare question with a known answer, used to score labelers (<c>POST /validation-set/{id}/rapid</c>).</summary>
/// <param name="WinnerAssetName">The server-side name of the correct asset: one of the two.</param>
/// <param name="Explanation">Shown to a labeler who answers wrongly.</param>
/// <param name="RandomCorrectProbability">Chance of guessing right; 0.5 for a pair.</param>
public sealed record CompareValidationRapid(
    string FirstAssetName,
    string SecondAssetName,
    string Criteria,
    string WinnerAssetName,
    string? Context = null,
    string? Explanation = null,
    double RandomCorrectProbability = 0.5);
