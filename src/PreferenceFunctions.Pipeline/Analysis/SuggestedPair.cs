namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>A model pair to compare next, with how many new matchups (and votes) it should get.</summary>
public sealed record SuggestedPair(string Model1, string Model2, int Matchups, long Votes);
