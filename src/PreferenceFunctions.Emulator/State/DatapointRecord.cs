namespace PreferenceFunctions.Emulator.State;

/// <summary>A compare datapoint: its options (original file names, or texts), the asset names and what the client attached.</summary>
internal sealed record DatapointRecord(
    string Id,
    int Position,
    long? SortIndex,
    string? Context,
    string[] Options,
    string[] AssetFileNames,
    Dictionary<string, string>? PrivateMetadata)
{
    /// <summary>The datapoint's stable place: sortIndex when the client gave one, else its creation position.</summary>
    public long OrderKey => SortIndex ?? Position;
}
