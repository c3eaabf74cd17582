namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// One vote with its matchup and its voter: a row of the votes export (votes.parquet). <see cref="VotedFor"/> is the
/// image voted for as the dataset references it, or <c>Both</c>/<c>Neither</c>; <see cref="VotedModel"/> is that
/// image's model (else the same Both/Neither, or null for an empty vote).
/// </summary>
/// <param name="RunId">The run the vote belongs to; null for a results document analysed outside a run.</param>
/// <param name="Round">The order the vote came from: 1 for the run's first order, 2 and up for an adaptive run's follow-up rounds.</param>
public sealed record VoteRow(
    string? RunId,
    string MatchupId,
    string Prompt,
    string ModelA,
    string ModelB,
    string ImageA,
    string ImageB,
    string? VotedFor,
    string? VotedModel,
    string? Country,
    string? Language,
    string? Age,
    string? Gender,
    string? Occupation,
    IReadOnlyDictionary<string, double> UserScores,
    int Round = 1)
{
    /// <summary>True when the vote picked one of the two images (not Both, Neither or nothing).</summary>
    public bool PickedAnImage => VotedFor is not null && (VotedFor == ImageA || VotedFor == ImageB);

    /// <summary>The rows of one matchup's votes, in the document's order.</summary>
    public static IEnumerable<VoteRow> FromOutcome(string? runId, MatchupOutcome outcome, int round = 1)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var m = outcome.Matchup;
        foreach (var vote in outcome.Details)
        {
            var votedFor = vote.VotedFor.Length == 0 ? null : vote.VotedFor;
            var votedModel = votedFor == m.Image1 ? m.Model1 : votedFor == m.Image2 ? m.Model2 : votedFor;
            yield return new VoteRow(runId, m.Id, m.Prompt, m.Model1, m.Model2, m.Image1, m.Image2, votedFor, votedModel,
                vote.Country, vote.Language, vote.Demographics.GetValueOrDefault("age"), vote.Demographics.GetValueOrDefault("gender"),
                vote.Demographics.GetValueOrDefault("occupation"), vote.UserScores, round);
        }
    }
}
