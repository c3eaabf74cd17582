namespace PreferenceFunctions.Emulator.State;

/// <summary>What is written to the persistence folder: the whole state plus the issued tokens.</summary>
internal sealed record StateSnapshot(
    List<AssetRecord> Assets,
    List<OrderRecord> Orders,
    List<DatasetRecord> Datasets,
    List<ValidationSetRecord> ValidationSets,
    Dictionary<string, DateTimeOffset> Tokens,
    List<JobDefinitionRecord>? JobDefinitions = null,
    List<AudienceRecord>? Audiences = null);
