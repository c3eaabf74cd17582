using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Rapidata.Wire;

// Request bodies exactly as Rapidata's OpenAPI documents name them; "_t" values are the discriminator mapping keys.

/// <summary><c>CreateOrder</c> (order.openapi.json).</summary>
internal sealed record CreateOrderBody(
    string OrderName,
    SimpleWorkflowBody Workflow,
    Referee Referee,
    string? ValidationSetId,
    IReadOnlyList<JsonObject> UserFilters,
    IReadOnlyList<FeatureFlag>? RapidFeatureFlags,
    IReadOnlyList<JsonObject>? Selections);

/// <summary><c>IOrderWorkflowInputSimpleWorkflowInput</c>.</summary>
internal sealed record SimpleWorkflowBody(CompareBlueprintBody Blueprint)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "SimpleWorkflow";
}

/// <summary><c>IRapidBlueprintCompareRapidBlueprint</c>.</summary>
internal sealed record CompareBlueprintBody(string Criteria, IReadOnlyList<string>? IndexIdentifiers)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "CompareBlueprint";
}

/// <summary><c>IAssetInputMultiAssetInput</c> of two <c>IAssetInputExistingAssetInput</c>.</summary>
internal sealed record MultiAssetBody(IReadOnlyList<ExistingAssetBody> Assets)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "MultiAssetInput";

    public static MultiAssetBody Pair(string first, string second) => new([new(first), new(second)]);
}

internal sealed record ExistingAssetBody(string Name)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "ExistingAssetInput";
}

/// <summary><c>CreateDatapointEndpoint_Input</c> (dataset.openapi.json).</summary>
internal sealed record CreateDatapointBody(
    MultiAssetBody Asset,
    string? Context,
    long SortIndex,
    IReadOnlyDictionary<string, string>? PrivateMetadata);

/// <summary><c>AddValidationRapidEndpoint_Input</c> (validation.openapi.json).</summary>
internal sealed record AddValidationRapidBody(
    MultiAssetBody Asset,
    ComparePayloadBody Payload,
    CompareTruthBody Truth,
    double RandomCorrectProbability,
    string? Explanation,
    string? Context);

internal sealed record ComparePayloadBody(string Criteria)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "ComparePayload";
}

internal sealed record CompareTruthBody(string WinnerId)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "CompareTruth";
}

/// <summary><c>CreateValidationSetEndpoint_Input</c>.</summary>
internal sealed record CreateValidationSetBody(string Name);

/// <summary><c>PreviewOrderEndpoint_Input</c> and <c>SubmitOrderEndpoint_Input</c>.</summary>
internal sealed record IgnoreFailedDatapointsBody(bool IgnoreFailedDatapoints);

/// <summary><c>StartPreliminaryDownloadEndpoint_Input</c> (pipeline.openapi.json).</summary>
internal sealed record StartPreliminaryDownloadBody(bool SendEmail);

/// <summary><c>CreateDatasetEndpoint_Input</c> (dataset.openapi.json).</summary>
internal sealed record CreateDatasetBody(string Name);

/// <summary><c>ShortenContextEndpoint_Input</c> (dataset.openapi.json).</summary>
internal sealed record ShortenContextBody(IReadOnlyList<ContextToShorten> Items);

/// <summary><c>CreateJobDefinitionEndpoint_Input</c> (order.openapi.json).</summary>
internal sealed record CreateJobDefinitionBody(
    string DefinitionName,
    SimpleWorkflowBody Workflow,
    Referee Referee,
    string DatasetId,
    IReadOnlyList<FeatureFlag> RapidFeatureFlags);

/// <summary><c>CreateJobEndpoint_Input</c> (order.openapi.json).</summary>
internal sealed record CreateJobBody(string JobDefinitionId, string AudienceId, string? Name);

/// <summary><c>CreateAudienceEndpoint_Input</c> (audience.openapi.json).</summary>
internal sealed record CreateAudienceBody(string Name, IReadOnlyList<JsonObject> Filters, TaskAccuracyRuleBody GraduationRule);

/// <summary><c>IGraduationRuleTaskAccuracyRule</c>.</summary>
internal sealed record TaskAccuracyRuleBody(double TargetAccuracy, int MinTasks)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "TaskAccuracy";
}

/// <summary><c>AddExampleToAudienceEndpoint_Input</c> (audience.openapi.json).</summary>
internal sealed record AddAudienceExampleBody(
    MultiAssetBody Asset,
    CompareExamplePayloadBody Payload,
    CompareExampleTruthBody Truth,
    double RandomCorrectProbability,
    string? Context,
    int SortIndex);

/// <summary><c>IExamplePayloadCompareExamplePayload</c>.</summary>
internal sealed record CompareExamplePayloadBody(string Criteria)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "CompareExamplePayload";
}

/// <summary><c>IExampleTruthCompareExampleTruth</c>.</summary>
internal sealed record CompareExampleTruthBody(string WinnerId)
{
    [JsonPropertyName("_t")]
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "CompareExampleTruth";
}
