namespace PreferenceFunctions.Emulator.State;

/// <summary>A job definition (POST /job/definition): a compare workflow and referee over a dataset; jobs run it.</summary>
internal sealed class JobDefinitionRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string DatasetId { get; init; }

    public required string PipelineId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Criteria { get; init; }

    public string[]? IndexIdentifiers { get; init; }

    public required RefereeSpec Referee { get; init; }

    public bool AllowUnsure { get; init; }

    public List<KeyValuePair<string, string>> RapidFeatureFlags { get; init; } = [];
}
