namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>A matchup as the dataset defined it, used to join results entries back to it.</summary>
/// <param name="Image1">The dataset's image reference (file name or path relative to the dataset folder).</param>
/// <param name="ResultKey1">How the results document names the first image (the file name it was uploaded under), when it
/// differs from <paramref name="Image1"/>'s file name; likewise <paramref name="ResultKey2"/>.</param>
public sealed record KnownMatchup(string MatchupId, string Prompt, string Image1, string Image2, string Model1, string Model2,
    string? ResultKey1 = null, string? ResultKey2 = null)
{
    /// <summary>The option identifier the results document uses for the first image.</summary>
    public string Option1 => ResultKey1 ?? Image1;

    /// <summary>The option identifier the results document uses for the second image.</summary>
    public string Option2 => ResultKey2 ?? Image2;
}
