namespace PreferenceFunctions.Rapidata.Models;

/// <summary>What <c>POST /job/definition</c> returns: the definition and its preview pipeline.</summary>
public sealed record CreatedJobDefinition(string DefinitionId, string PipelineId);
