using System.Text.Json;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>A compiled OpenAPI 3.0 schema that answers "certainly valid" in microseconds, for the hot request path.</summary>
/// <remarks>It only ever says yes when JsonSchema.Net would too; when it says no (or meets a construct it does not
/// handle), the request goes to JsonSchema.Net, which decides and produces the field errors. Same semantics as
/// <see cref="OpenApiSchemaConverter"/>: nullable, optional properties may be null, discriminators select a branch.</remarks>
internal sealed class FastSchema
{
    private string? type;
    private bool nullable;
    private HashSet<string>? enumValues;
    private bool enumAllowsNull;
    private Dictionary<string, FastSchema>? properties;
    private HashSet<string>? required;
    private FastSchema? additionalProperties;
    private bool additionalForbidden;
    private FastSchema? items;
    private List<FastSchema>? allOf;
    private string? discriminator;
    private Dictionary<string, FastSchema>? mapping;
    private Func<FastSchema>? reference;
    private bool unsupported;

    public static FastSchema Compile(JsonNode node, Func<string, FastSchema> named)
    {
        var schema = new FastSchema();
        if (node is not JsonObject source)
        {
            schema.unsupported = true;
            return schema;
        }

        foreach (var (key, value) in source)
        {
            switch (key)
            {
                case "$ref":
                    var name = value!.GetValue<string>().Split('/')[^1];
                    schema.reference = () => named(name);
                    break;
                case "type": schema.type = value!.GetValue<string>(); break;
                case "nullable": schema.nullable = value!.GetValue<bool>(); break;
                case "enum":
                    schema.enumValues = [.. ((JsonArray)value!).Where(v => v is not null).Select(v => v!.GetValue<string>())];
                    schema.enumAllowsNull = ((JsonArray)value!).Any(v => v is null);
                    break;
                case "required": schema.required = [.. ((JsonArray)value!).Select(v => v!.GetValue<string>())]; break;
                case "properties":
                    schema.properties = ((JsonObject)value!).ToDictionary(p => p.Key, p => Compile(p.Value!, named));
                    break;
                case "additionalProperties":
                    if (value is JsonValue flag)
                    {
                        schema.additionalForbidden = !flag.GetValue<bool>();
                    }
                    else
                    {
                        schema.additionalProperties = Compile(value!, named);
                    }

                    break;
                case "items": schema.items = Compile(value!, named); break;
                case "allOf": schema.allOf = [.. ((JsonArray)value!).Select(v => Compile(v!, named))]; break;
                case "oneOf" when ((JsonArray)value!).Count == 1 && !source.ContainsKey("discriminator"):
                    (schema.allOf ??= []).Add(Compile(value![0]!, named)); // one branch: oneOf is allOf
                    break;
                case "oneOf": break; // a discriminator (below) selects the branch
                case "discriminator":
                    schema.discriminator = value!["propertyName"]!.GetValue<string>();
                    schema.mapping = ((JsonObject)value["mapping"]!).ToDictionary(m => m.Key, m => Compile(new JsonObject { ["$ref"] = m.Value!.GetValue<string>() }, named));
                    break;
                case "format" or "description" or "deprecated" or "example" or "title":
                    break;
                default:
                    schema.unsupported = true; // an unknown keyword: let JsonSchema.Net decide
                    break;
            }
        }

        schema.unsupported |= source.ContainsKey("oneOf") && ((JsonArray)source["oneOf"]!).Count > 1 && schema.discriminator is null;
        return schema;
    }

    /// <summary>True only when the value certainly matches.</summary>
    public bool IsCertainlyValid(JsonNode? value, bool allowNull = false)
    {
        if (unsupported)
        {
            return false;
        }

        if (value is null)
        {
            return allowNull || nullable || enumAllowsNull;
        }

        if (reference is not null && !reference().IsCertainlyValid(value))
        {
            return false;
        }

        if ((type is not null && !HasType(value, type)) || (enumValues is not null && !InEnum(value)))
        {
            return false;
        }

        if (allOf is not null && !allOf.TrueForAll(s => s.IsCertainlyValid(value)))
        {
            return false;
        }

        return value switch
        {
            JsonObject obj => ObjectIsValid(obj),
            JsonArray array => items is null || array.All(item => items.IsCertainlyValid(item)),
            _ => properties is null && required is null && discriminator is null,
        };
    }

    private bool ObjectIsValid(JsonObject obj)
    {
        if (required is not null && !required.All(obj.ContainsKey))
        {
            return false;
        }

        foreach (var (name, child) in obj)
        {
            if (properties is not null && properties.TryGetValue(name, out var declared))
            {
                if (!declared.IsCertainlyValid(child, allowNull: required?.Contains(name) != true))
                {
                    return false;
                }
            }
            else if (additionalForbidden || (additionalProperties is not null && !additionalProperties.IsCertainlyValid(child)))
            {
                return false;
            }
        }

        if (discriminator is null)
        {
            return true;
        }

        return obj[discriminator] is JsonValue tag && tag.GetValueKind() == JsonValueKind.String
            && mapping!.TryGetValue(tag.GetValue<string>(), out var branch) && branch.IsCertainlyValid(obj);
    }

    private bool InEnum(JsonNode value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String && enumValues!.Contains(text.GetValue<string>());

    private static bool HasType(JsonNode value, string type) => (type, value.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) or ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) or ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value.AsValue().TryGetValue<long>(out _),
        _ => false,
    };
}
