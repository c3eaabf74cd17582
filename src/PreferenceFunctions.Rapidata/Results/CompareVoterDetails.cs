namespace PreferenceFunctions.Rapidata.Results;

/// <summary>
/// <c>userDetails</c> of a vote. The 3.x shape (a flat <c>userScore</c>, flat <c>age</c>/<c>gender</c>/<c>occupation</c>)
/// is normalised into this one: the flat score becomes <c>UserScores["global"]</c>, flat text fields become demographics.
/// </summary>
public sealed record CompareVoterDetails(
    string? Country,
    string? Language,
    IReadOnlyDictionary<string, double> UserScores,
    IReadOnlyDictionary<string, string> Demographics)
{
    public const string GlobalScoreDimension = "global";

    /// <summary>The <c>global</c> user score, if the document carries one.</summary>
    public double? GlobalScore => UserScores.TryGetValue(GlobalScoreDimension, out var score) ? score : null;
}
