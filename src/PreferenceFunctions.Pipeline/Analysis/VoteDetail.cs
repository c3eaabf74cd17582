namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>One labeler's response: the option voted for (an image reference, "Both" or "Neither") and who voted.</summary>
public sealed record VoteDetail(string VotedFor, string? Country, string? Language, double? UserScore);
