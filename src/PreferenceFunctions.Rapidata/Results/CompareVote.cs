namespace PreferenceFunctions.Rapidata.Results;

/// <summary>One labeler response of <c>detailedResults</c>.</summary>
/// <param name="VotedFor">The option voted for: an asset identifier, or <c>Both</c>/<c>Neither</c>.</param>
public sealed record CompareVote(string? VotedFor, CompareVoterDetails UserDetails);
