namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Which matchup: its id, the prompt, the two images as the dataset references them (file names or paths relative to
/// the dataset folder, URLs for URL inputs) and their models. Outcomes and results carry one; the results join finds
/// one per entry of Rapidata's results document.
/// </summary>
public sealed record Matchup
{
    /// <summary>The CSV's id, else one derived from the row's content (stable across runs).</summary>
    public required string Id { get; init; }

    public required string Prompt { get; init; }
    public required string Image1 { get; init; }
    public required string Image2 { get; init; }
    public required string Model1 { get; init; }
    public required string Model2 { get; init; }

    /// <summary>
    /// How the results document names the first image (the file name it was uploaded under) when that differs from
    /// <see cref="Image1"/>'s file name. Set only where the results are joined (from the upload records), so an
    /// outcome's matchup has it and a result read back from the table does not. Likewise <see cref="ResultKey2"/>.
    /// </summary>
    public string? ResultKey1 { get; init; }

    public string? ResultKey2 { get; init; }

    /// <summary>What Rapidata showed labelers instead of a <see cref="Prompt"/> over its 400-character limit (shortened
    /// through its shorten-context call before upload); null when the prompt was shown as it is.</summary>
    public string? ShortenedPrompt { get; init; }

    /// <summary>The option identifier the results document uses for the first image.</summary>
    public string Option1 => ResultKey1 ?? Image1;

    /// <summary>The option identifier the results document uses for the second image.</summary>
    public string Option2 => ResultKey2 ?? Image2;
}
