using System.Text.Json;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Rapidata.Wire;

// Response bodies whose shape differs from the public models; the others deserialise straight into Models.
// Fields the contract marks required have no default (a missing one fails the call); optional ones default to null.

/// <summary><c>GetOrderByIdEndpoint_Output</c>: <c>state</c> is free text here, not the enum.</summary>
internal sealed record GetOrderResponse(
    string OrderName,
    string CustomerMail,
    DateTimeOffset OrderDate,
    string State,
    string PipelineId,
    bool IsLocked,
    bool IsPublic,
    string? FailureMessage = null);

/// <summary><c>QueryOrdersEndpoint_PagedResultOfOutput</c>: <c>totalPages</c> is optional.</summary>
internal sealed record OrdersPageResponse(long Total, int Page, int PageSize, IReadOnlyList<OrderSummary> Items, int? TotalPages = null)
{
    public OrderPage ToPage() => new(Total, Page, PageSize,
        TotalPages ?? (PageSize > 0 ? (int)Math.Ceiling(Total / (double)PageSize) : 0), Items);
}

internal sealed record CreateDatapointResponse(string DatapointId);

internal sealed record CreateValidationSetResponse(string ValidationSetId);

internal sealed record StartPreliminaryDownloadResponse(string DownloadId);

/// <summary><c>QueryDatapointsByDatasetIdEndpoint_PagedResultOfOutput</c>.</summary>
internal sealed record DatapointsPageResponse(long Total, int Page, int PageSize, IReadOnlyList<DatapointResponse> Items, int? TotalPages = null);

/// <summary><c>QueryDatapointsByDatasetIdEndpoint_Output</c>; the asset stays raw JSON (an <c>IAsset</c> union).</summary>
internal sealed record DatapointResponse(string Id, string DatasetId, JsonElement Asset, string? Context = null);

/// <summary><c>GetWorkflowProgressEndpoint_Output</c>: <c>state</c> is free text here, not the enum.</summary>
internal sealed record WorkflowProgressResponse(double CompletionPercentage, long Total, long Completed, string State)
{
    public WorkflowProgress ToProgress()
    {
        var state = Enum.TryParse<WorkflowState>(State, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(State, out _) ? parsed : WorkflowState.Unknown;
        return new WorkflowProgress(CompletionPercentage, Total, Completed, state, State);
    }
}

/// <summary><c>GetPipelineByIdEndpoint_Output</c>: only the artifacts (an <c>IArtifact</c> union each) are read.</summary>
internal sealed record PipelineResponse(IReadOnlyDictionary<string, JsonElement> Artifacts);

/// <summary><c>CreateDatasetEndpoint_Output</c>.</summary>
internal sealed record CreateDatasetResponse(string DatasetId);

/// <summary><c>ShortenContextEndpoint_Output</c>: one item per input item, in input order.</summary>
internal sealed record ShortenContextResponse(IReadOnlyList<ShortenedContextResponse> Items);

/// <summary><c>ShortenContextEndpoint_OutputItem</c>.</summary>
internal sealed record ShortenedContextResponse(string ShortenedContext);

/// <summary>A paged result (<c>..._PagedResultOfOutput</c>); only the items are read.</summary>
internal sealed record PageResponse<T>(long Total, int Page, int PageSize, IReadOnlyList<T> Items);

/// <summary><c>GetJobByIdEndpoint_Output</c>: <c>state</c> is free text here, not the enum.</summary>
internal sealed record GetJobResponse(
    string JobId,
    string Name,
    string DefinitionId,
    string AudienceId,
    string PipelineId,
    string State,
    string? FailureMessage = null,
    string? ReviewReason = null,
    DateTimeOffset? CompletedAt = null);

/// <summary><c>QueryJobsEndpoint_Output</c>.</summary>
internal sealed record JobListItemResponse(string JobId, string Name, string JobDefinitionId, string AudienceId, string State,
    DateTimeOffset CreatedAt);

/// <summary><c>CreateAudienceEndpoint_Output</c>.</summary>
internal sealed record CreateAudienceResponse(string AudienceId);

/// <summary>An item of <c>QueryAudiencesEndpoint_PagedResultOfOutput</c> (the fields the client reads).</summary>
internal sealed record AudienceListItemResponse(string Id, string Name);

/// <summary><c>QueryExamplesForAudienceEndpoint_Output</c>; the asset stays raw JSON (an <c>IAsset</c> union).</summary>
internal sealed record AudienceExampleResponse(string Id, JsonElement Asset, int? SortIndex = null, string? Context = null);
