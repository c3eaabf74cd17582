using System.ComponentModel.DataAnnotations;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>Limits and switches for reading datasets, bound from <c>Preference:Datasets</c>.</summary>
public sealed class DatasetOptions
{
    public const string SectionName = "Preference:Datasets";

    /// <summary>Most data rows matchups.csv may have (the product is sized for 100,000 matchups).</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Largest image accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most problems listed in a report; the counts stay exact beyond it.</summary>
    [Range(1, 1_000_000)]
    public int MaxProblems { get; set; } = 1000;

    /// <summary>Accept http(s) URLs as image references (Rapidata then downloads them).</summary>
    public bool AllowUrlInputs { get; set; }

    /// <summary>Matchups per manifest chunk, i.e. per upload activity.</summary>
    [Range(1, 10_000)]
    public int ChunkSize { get; set; } = 250;
}
