using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreferenceFunctions.Api;

/// <summary>JSON settings of the HTTP API: camelCase, enums as names.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
