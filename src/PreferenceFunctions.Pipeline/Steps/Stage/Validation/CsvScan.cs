namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>What reading matchups.csv found: data rows read, the valid de-duplicated matchups, metadata column names.</summary>
public sealed record CsvScan(int DataRows, IReadOnlyList<MatchupRow> Matchups, int DuplicatesRemoved, IReadOnlyList<string> MetadataColumns);
