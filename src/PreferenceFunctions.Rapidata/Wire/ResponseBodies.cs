namespace PreferenceFunctions.Rapidata.Wire;

// Response bodies whose shape differs from the public models; the others deserialise straight into Models.

/// <summary><c>GetOrderByIdEndpoint_Output</c>: <c>state</c> is free text here, not the enum.</summary>
internal sealed record GetOrderResponse(
    string OrderName,
    string? CustomerMail,
    DateTimeOffset OrderDate,
    string State,
    string PipelineId,
    bool IsLocked,
    bool IsPublic,
    string? FailureMessage);

internal sealed record CreateDatapointResponse(string DatapointId);

internal sealed record CreateValidationSetResponse(string ValidationSetId);

internal sealed record StartPreliminaryDownloadResponse(string DownloadId);
