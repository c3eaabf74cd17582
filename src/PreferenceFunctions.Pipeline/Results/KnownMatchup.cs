namespace PreferenceFunctions.Pipeline.Results;

/// <summary>A matchup as the dataset defined it, used to join results entries back to it.</summary>
/// <param name="Image1">The dataset's image reference (file name or path relative to the dataset folder).</param>
public sealed record KnownMatchup(string MatchupId, string Prompt, string Image1, string Image2, string Model1, string Model2);
