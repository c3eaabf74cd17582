using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>Turns an OpenAPI 3.0 schema into a JSON Schema 2020-12 one that JsonSchema.Net evaluates.</summary>
/// <remarks>
/// Three rewrites: `nullable` becomes a null type; a `discriminator` becomes `_t`-keyed if/then branches, so errors
/// name the field of the chosen variant instead of every variant's; `#/components/schemas/X` becomes a `$defs` reference.
/// Like ASP.NET Core's System.Text.Json binding on the real API, an optional property may be sent as null.
/// </remarks>
internal static class OpenApiSchemaConverter
{
    private const string ComponentsPrefix = "#/components/schemas/";

    public static JsonNode Convert(JsonNode schema, string refBase) => ConvertNode(schema, refBase, allowNull: false);

    private static JsonNode ConvertNode(JsonNode node, string refBase, bool allowNull)
    {
        if (node is not JsonObject source)
        {
            return node.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            switch (key)
            {
                case "nullable" or "discriminator" or "example" or "description":
                    break;
                case "$ref":
                    var reference = value!.GetValue<string>();
                    result["$ref"] = reference.StartsWith(ComponentsPrefix, StringComparison.Ordinal)
                        ? refBase + reference[ComponentsPrefix.Length..]
                        : reference;
                    break;
                case "properties":
                    result["properties"] = ConvertProperties((JsonObject)value!, Required(source), refBase);
                    break;
                case "items" or "additionalProperties" or "not":
                    result[key] = ConvertNode(value!, refBase, allowNull: false);
                    break;
                case "allOf" or "oneOf" or "anyOf":
                    result[key] = new JsonArray([.. ((JsonArray)value!).Select(item => ConvertNode(item!, refBase, false))]);
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        if (source["discriminator"] is JsonObject discriminator)
        {
            ApplyDiscriminator(result, discriminator, refBase);
        }

        var nullable = allowNull || source["nullable"]?.GetValue<bool>() == true;
        return nullable ? MakeNullable(result) : result;
    }

    private static JsonObject ConvertProperties(JsonObject properties, HashSet<string> required, string refBase)
    {
        var result = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            result[name] = ConvertNode(schema!, refBase, allowNull: !required.Contains(name));
        }

        return result;
    }

    private static HashSet<string> Required(JsonObject schema) =>
        schema["required"] is JsonArray names ? [.. names.Select(n => n!.GetValue<string>())] : [];

    private static void ApplyDiscriminator(JsonObject schema, JsonObject discriminator, string refBase)
    {
        var property = discriminator["propertyName"]!.GetValue<string>();
        var mapping = (JsonObject)discriminator["mapping"]!;
        schema.Remove("oneOf");
        var properties = schema["properties"] as JsonObject ?? [];
        properties[property] = new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. mapping.Select(m => (JsonNode)m.Key)]),
        };
        schema["properties"] = properties;
        var branches = new JsonArray();
        foreach (var (value, target) in mapping)
        {
            branches.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { [property] = new JsonObject { ["const"] = value } },
                    ["required"] = new JsonArray(property),
                },
                ["then"] = new JsonObject { ["$ref"] = refBase + target!.GetValue<string>()[ComponentsPrefix.Length..] },
            });
        }

        schema["allOf"] = branches;
    }

    private static JsonObject MakeNullable(JsonObject schema)
    {
        var composed = schema.ContainsKey("$ref") || schema.ContainsKey("allOf") || schema.ContainsKey("oneOf") || schema.ContainsKey("anyOf");
        if (!composed && schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
            {
                values.Add(null);
            }

            return schema;
        }

        if (!composed && !schema.ContainsKey("type"))
        {
            return schema; // no type constraint at all: null already passes
        }

        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema) };
    }
}
