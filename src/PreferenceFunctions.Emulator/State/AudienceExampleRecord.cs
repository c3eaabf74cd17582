namespace PreferenceFunctions.Emulator.State;

/// <summary>A compare qualification example of an audience: its two uploaded assets, the one that is right, its prompt.</summary>
internal sealed record AudienceExampleRecord(
    string Id,
    IReadOnlyList<string> AssetFileNames,
    string Criteria,
    string WinnerId,
    string? Context,
    int SortIndex,
    double RandomCorrectProbability);
