namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>A simulated labeler: where they are, their user score, and whether they click at random.</summary>
internal sealed record Annotator(
    string Country,
    string Language,
    double UserScore,
    bool VotesAtRandom,
    IReadOnlyDictionary<string, string> Demographics);
