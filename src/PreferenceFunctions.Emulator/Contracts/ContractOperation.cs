using Json.Schema;

namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>One operation of Rapidata's OpenAPI documents: its JSON request schema and its documented responses.</summary>
internal sealed record ContractOperation(
    string Method,
    string PathTemplate,
    JsonSchema? JsonRequestSchema,
    FastSchema? FastRequestSchema,
    bool RequestBodyRequired,
    IReadOnlyDictionary<int, ContractResponse> Responses);

/// <summary>A documented response: its content type and schema, both null when it has no body.</summary>
internal sealed record ContractResponse(string? ContentType, JsonSchema? Schema);
