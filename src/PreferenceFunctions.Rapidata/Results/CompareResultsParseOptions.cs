namespace PreferenceFunctions.Rapidata.Results;

/// <summary>How <see cref="CompareResultsDocument.ParseAsync"/> reads a results document.</summary>
public sealed record CompareResultsParseOptions
{
    public static readonly CompareResultsParseOptions Default = new();

    /// <summary>Keep every vote (<c>detailedResults</c>). Turn off when only the per-pair aggregates are needed:
    /// the votes are most of a document's size.</summary>
    public bool IncludeDetailedResults { get; init; } = true;

    /// <summary>Initial read buffer in bytes; it grows when a single entry is larger.</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>
    /// A file at least this large, read through a <see cref="FileStream"/> by
    /// <see cref="CompareResultsDocument.ForEachEntryAggregatesInPartsAsync{TPart}"/>, is parsed by two threads (the second
    /// from about the middle, with its own file handle); smaller files and other streams are read in one pass.
    /// </summary>
    public long ParallelReadMinimumBytes { get; init; } = 8 << 20;
}
