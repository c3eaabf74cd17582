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

    /// <summary>Most pixels (width x height, from the image's header) an image may have; decoding bigger ones would cost GBs.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Largest matchups.csv accepted, in bytes; a bigger file is rejected before it is read.</summary>
    [Range(1, long.MaxValue)]
    public long MaxCsvBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest images.zip accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxZipBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Most entries images.zip may have (read from its end record before the directory); default 2 x <see cref="MaxRows"/>.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxZipEntries { get; set; }

    /// <summary>Largest order.json accepted, in bytes.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxOrderJsonBytes { get; set; } = 64 * 1024;

    /// <summary>Longest prompt accepted, in characters (Rapidata shortens prompts over 400 for display).</summary>
    [Range(1, 1_000_000)]
    public int MaxPromptChars { get; set; } = 4000;

    /// <summary>Longest model name accepted, in characters (it becomes part of table rows).</summary>
    [Range(1, 1000)]
    public int MaxModelNameChars { get; set; } = 100;

    /// <summary>Most distinct models a dataset may have.</summary>
    [Range(2, 100_000)]
    public int MaxModels { get; set; } = 100;

    /// <summary>Most bytes (UTF-8) of private metadata one row may carry, column names included.</summary>
    [Range(0, 1024 * 1024)]
    public int MaxMetadataBytesPerRow { get; set; } = 4096;

    /// <summary>The entry cap in effect: <see cref="MaxZipEntries"/> when set, else 2 x <see cref="MaxRows"/>.</summary>
    public long ZipEntryLimit => MaxZipEntries ?? 2L * MaxRows;

    /// <summary>Accept http(s) URLs as image references (Rapidata then downloads them).</summary>
    public bool AllowUrlInputs { get; set; }

    /// <summary>Most matchups per manifest chunk, i.e. per upload activity.</summary>
    [Range(1, 10_000)]
    public int ChunkSize { get; set; } = 1000;

    /// <summary>Most bytes of distinct images per manifest chunk: a chunk of large images ends before <see cref="ChunkSize"/>
    /// matchups, so that one upload activity stays short. A matchup whose images alone hold more is a chunk of its own.</summary>
    [Range(1, long.MaxValue)]
    public long MaxChunkImageBytes { get; set; } = 512L * 1024 * 1024;
}
