namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A job as <c>GET /job/{jobId}</c> returns it.</summary>
/// <param name="RawState">The state exactly as the API wrote it (useful when <paramref name="State"/> is Unknown).</param>
/// <param name="ReviewReason">Why the job waits in ManualApproval, when Rapidata says (e.g. <c>ContentFlagged</c>).</param>
public sealed record RapidataJob(
    string Id,
    string Name,
    string DefinitionId,
    string AudienceId,
    string PipelineId,
    JobState State,
    string RawState,
    string? FailureMessage,
    string? ReviewReason,
    DateTimeOffset? CompletedAt);
