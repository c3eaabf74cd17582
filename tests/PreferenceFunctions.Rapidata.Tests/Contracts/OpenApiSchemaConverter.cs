using System.Text.Json.Nodes;

namespace PreferenceFunctions.Rapidata.Tests.Contracts;

/// <summary>
/// Turns OpenAPI 3.0 schemas into JSON Schema 2020-12 that JsonSchema.Net evaluates with the same meaning:
/// <c>nullable: true</c> becomes "null or the schema", <c>#/components/schemas/X</c> refs point into the registered
/// document's <c>$defs</c>, and objects that list their properties reject unknown ones, so a misspelt optional
/// field fails the contract instead of passing unnoticed.
/// </summary>
internal static class OpenApiSchemaConverter
{
    private const string ComponentsPrefix = "#/components/schemas/";

    public static JsonNode Convert(JsonNode schema, Uri documentId)
    {
        if (schema is not JsonObject source) return schema.DeepClone();
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (key is "nullable" or "discriminator" or "example") continue;
            result[key] = key switch
            {
                "$ref" => documentId + "#/$defs/" + value!.GetValue<string>()[ComponentsPrefix.Length..],
                "properties" => ConvertMap((JsonObject)value!, documentId),
                "items" or "not" => Convert(value!, documentId),
                "additionalProperties" when value is JsonObject => Convert(value, documentId),
                "allOf" or "oneOf" or "anyOf" => new JsonArray(((JsonArray)value!).Select(s => (JsonNode?)Convert(s!, documentId)).ToArray()),
                _ => value?.DeepClone(),
            };
        }
        if (source.ContainsKey("properties") && !source.ContainsKey("additionalProperties"))
            result["unevaluatedProperties"] = false;
        var nullable = source["nullable"] is JsonValue flag && flag.GetValue<bool>();
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, result) } : result;
    }

    /// <summary>The document's component schemas as one JSON Schema resource with <c>$defs</c>.</summary>
    public static JsonObject ConvertDocument(JsonObject openApi, Uri documentId)
    {
        var schemas = (JsonObject)openApi["components"]!["schemas"]!;
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = documentId.ToString(),
            ["$defs"] = ConvertMap(schemas, documentId),
        };
    }

    private static JsonObject ConvertMap(JsonObject map, Uri documentId)
    {
        var result = new JsonObject();
        foreach (var (name, schema) in map) result[name] = Convert(schema!, documentId);
        return result;
    }
}
