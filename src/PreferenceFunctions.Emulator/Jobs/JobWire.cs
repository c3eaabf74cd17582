namespace PreferenceFunctions.Emulator.Jobs;

/// <summary>The owner the emulator reports on jobs and definitions.</summary>
internal static class Owner
{
    public const string Id = "00000000-0000-4000-8000-00000000e001";
    public const string Mail = "emulator@rapidata.local";
    public const string Organization = "emulator-organization";
}

/// <summary>CreateJobDefinitionEndpoint_Output.</summary>
internal sealed record CreatedDefinitionOutput(string DefinitionId, string PipelineId);

/// <summary>GetJobDefinitionCostEstimateEndpoint_Output.</summary>
internal sealed record CostEstimateOutput(double EstimatedCost, double CostPerResponse, long DatapointCount, long RequiredResponses);

/// <summary>CreateJobEndpoint_Output (costWarning left out: the emulator has no balance).</summary>
internal sealed record CreatedJobOutput(string JobId, bool RecruitingStarted, bool ContentCheckSkipDenied);

/// <summary>GetJobByIdEndpoint_Output.</summary>
internal sealed record JobOutput(
    string JobId, string Name, string DefinitionId, string AudienceId, int RevisionNumber, string PipelineId, string? CampaignId,
    string? AudienceName, string Status, string State, bool IsPublic, bool AudienceDeleted, DateTimeOffset? CompletedAt,
    string? FailureMessage, string? ReviewReason, DateTimeOffset CreatedAt, string OwnerId, string OwnerMail, string OrganizationId);

/// <summary>GetJobProgressEndpoint_Output.</summary>
internal sealed record JobProgressOutput(double CompletionPercentage, long Total, long Completed, string State);

/// <summary>QueryJobsEndpoint_Output.</summary>
internal sealed record JobListItem(
    string JobId, string Name, string JobDefinitionId, string AudienceId, int RevisionNumber, string PipelineId, string State,
    string OwnerMail, string OrganizationId, DateTimeOffset CreatedAt);

/// <summary>QueryJobDefinitionsEndpoint_Output.</summary>
internal sealed record DefinitionListItem(
    string DefinitionId, string Name, string DefinitionType, DateTimeOffset CreatedAt, int RevisionCount, string OwnerId, string OwnerMail,
    string OrganizationId);

/// <summary>A ..._PagedResultOfOutput.</summary>
internal sealed record PagedOutput<T>(long Total, int Page, int PageSize, IReadOnlyList<T> Items, int TotalPages);
