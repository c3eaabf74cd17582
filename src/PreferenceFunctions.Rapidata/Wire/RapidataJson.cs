using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreferenceFunctions.Rapidata.Wire;

/// <summary>JSON settings of the wire format: camelCase, nulls left out, required constructor values enforced.</summary>
internal static class RapidataJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
