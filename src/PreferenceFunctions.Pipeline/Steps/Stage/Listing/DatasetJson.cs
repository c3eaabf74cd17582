using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Listing;

/// <summary>JSON shape of reports, manifests and chunks: camelCase, enums as names.</summary>
public static class DatasetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
