namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Rows read; valid distinct matchups; duplicates dropped; matchups staged (after sampling); image references
/// staged (two per matchup); distinct images among them (by content hash once read).
/// </summary>
public sealed record DatasetCounts(int Rows, int Matchups, int DuplicatesRemoved, int Staged, int Images, int DistinctImages);
