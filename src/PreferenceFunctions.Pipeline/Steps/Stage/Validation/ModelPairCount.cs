namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>An edge of the matchup graph: how many matchups put these two models side by side (names in ordinal order).</summary>
public sealed record ModelPairCount(string Model1, string Model2, int Matchups);
