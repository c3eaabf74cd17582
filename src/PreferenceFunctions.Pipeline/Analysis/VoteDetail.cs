using System.Collections.ObjectModel;

namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>One labeler's response: the option voted for (an image reference, "Both" or "Neither") and who voted.</summary>
/// <param name="UserScore">The <c>global</c> user score, as the Hugging Face export writes it.</param>
public sealed record VoteDetail(string VotedFor, string? Country, string? Language, double? UserScore)
{
    /// <summary>The voter's demographics as the results document gives them (<c>age</c>, <c>gender</c>, <c>occupation</c>).</summary>
    public IReadOnlyDictionary<string, string> Demographics { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Every <c>userScores</c> dimension (<c>global</c> and any task-specific one).</summary>
    public IReadOnlyDictionary<string, double> UserScores { get; init; } = ReadOnlyDictionary<string, double>.Empty;
}
