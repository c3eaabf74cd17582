using System.Text.Json.Serialization;

namespace PreferenceFunctions.Emulator.State;

/// <summary>An order and its progress; mutated only under <see cref="Sync"/> by <see cref="Orders.OrderLifecycle"/>.</summary>
internal sealed class OrderRecord
{
    [JsonIgnore]
    public Lock Sync { get; } = new();

    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string DatasetId { get; init; }

    public required string PipelineId { get; init; }

    public required string CampaignId { get; init; }

    public required string WorkflowId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Criteria { get; init; }

    public string[]? IndexIdentifiers { get; init; }

    public required RefereeSpec Referee { get; init; }

    public bool AllowUnsure { get; init; }

    public List<KeyValuePair<string, string>> RapidFeatureFlags { get; init; } = [];

    public string? ValidationSetId { get; init; }

    public string? PrecedingOrderId { get; set; }

    /// <summary>Set for a job (POST /job): the definition it runs. A job uses the order state machine; the job endpoints
    /// translate its states into AudienceJobState (<see cref="Jobs.JobStates"/>).</summary>
    public string? JobDefinitionId { get; init; }

    public string? AudienceId { get; init; }

    [JsonIgnore]
    public bool IsJob => JobDefinitionId is not null;

    public string State { get; set; } = OrderStates.Created;

    public string? FailureMessage { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The state a pause interrupted, so resume returns to it.</summary>
    public string? PausedFrom { get; set; }

    /// <summary>When the current processing stretch began; null while not collecting votes.</summary>
    public DateTimeOffset? ProcessingSince { get; set; }

    /// <summary>Seconds of processing before the current stretch (pauses stop the crowd's clock).</summary>
    public double ProcessedSeconds { get; set; }

    /// <summary>Set by the admin complete call: every planned vote counts as collected.</summary>
    public bool AllVotesCollected { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Whether this order already went through its injected StaleResults episode.</summary>
    public bool StaleResultsServed { get; set; }

    /// <summary>Planned votes per datapoint (in <see cref="DatasetRecord.Ordered"/> order), computed once on first need.</summary>
    [JsonIgnore]
    public int[]? PlannedVotes { get; set; }

    public bool IsLocked => State is not (OrderStates.Created or OrderStates.Preview);

    /// <summary>DELETE /order/{orderId} marks the order Cancelled; from then on the API answers 404 for it and its dataset.</summary>
    [JsonIgnore]
    public bool IsDeleted => State == OrderStates.Cancelled;
}
