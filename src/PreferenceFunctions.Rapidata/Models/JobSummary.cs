namespace PreferenceFunctions.Rapidata.Models;

/// <summary>One item of <c>GET /jobs</c>.</summary>
public sealed record JobSummary(string Id, string Name, string DefinitionId, string AudienceId, JobState State, string RawState,
    DateTimeOffset CreatedAt);
