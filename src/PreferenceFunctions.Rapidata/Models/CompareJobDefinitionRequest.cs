namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A compare job definition (<c>POST /job/definition</c>): the same SimpleWorkflow + CompareBlueprint and referee as a
/// compare order, over a dataset created beforehand with <see cref="RapidataClient.CreateDatasetAsync"/>.</summary>
/// <param name="Name">The definition name; also how a definition is found again (<see cref="RapidataClient.FindJobDefinitionsAsync"/>).</param>
public sealed record CompareJobDefinitionRequest(
    string Name,
    string Criteria,
    Referee Referee,
    string DatasetId,
    IReadOnlyList<string>? IndexIdentifiers = null,
    IReadOnlyList<FeatureFlag>? RapidFeatureFlags = null);
