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
}
