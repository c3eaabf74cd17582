namespace PreferenceFunctions.Rapidata.Models;

/// <summary>One item of <c>GET /job/definitions</c>.</summary>
public sealed record JobDefinitionSummary(string DefinitionId, string Name, DateTimeOffset CreatedAt);
