namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Rows read; valid distinct matchups; duplicates dropped; matchups staged (after sampling); image references
/// staged (two per matchup); distinct images among them (by content hash once read); votes the run will order
/// (staged matchups x responses per matchup, the most a referee can collect).
/// </summary>
public sealed record DatasetCounts(int Rows, int Matchups, int DuplicatesRemoved, int Staged, int Images, int DistinctImages, long Votes = 0);
