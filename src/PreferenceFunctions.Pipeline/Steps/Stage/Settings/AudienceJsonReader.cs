using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Reads order.json's <c>audience</c>: a string (<c>"global"</c> or an audience id) or a custom audience
/// <c>{ "name", "filters": [...], "examples": [{ "prompt", "image1", "image2", "winner": 1|2 }], "targetAccuracy", "minTasks" }</c>.
/// Problems name the field; unknown keys are errors. The examples' images and prompt lengths are checked against the dataset
/// later (<see cref="Validation.AudienceExampleCheck"/>).
/// </summary>
internal static class AudienceJsonReader
{
    private static readonly string[] Keys = ["name", "filters", "examples", "targetAccuracy", "minTasks"];
    private static readonly string[] ExampleKeys = ["prompt", "image1", "image2", "winner"];

    /// <summary>The audience filters Rapidata's audience.openapi.json knows (IAudienceFilter).</summary>
    private static readonly string[] FilterTypes =
        ["AndFilter", "CountryFilter", "DemographicFilter", "DeviceFilter", "LanguageFilter", "NotFilter", "OrFilter"];

    public static AudienceSettings? Read(JsonNode? node, string source, ProblemList problems)
    {
        void Bad(string field, string message) =>
            problems.Error(ProblemCodes.OrderSetting, source, $"{source}, field {field}: {message}", column: "audience");

        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var id = v.GetValue<string>().Trim();
            if (id.Length == 0) Bad("audience", "must not be empty (\"global\", an audience id, or a custom audience object)");
            return new AudienceSettings(id);
        }
        if (node is not JsonObject obj)
        {
            Bad("audience", $"expected \"global\", an audience id or an object, got {node.ToJsonString()}");
            return null;
        }

        foreach (var key in obj.Select(p => p.Key).Where(k => !Keys.Contains(k, StringComparer.OrdinalIgnoreCase)))
            Bad($"audience.{key}", $"unknown key; known keys: {string.Join(", ", Keys)}");
        var name = Get(obj, "name") is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(name)) Bad("audience.name", "a custom audience needs a name");
        var filters = new List<JsonObject>();
        if (Get(obj, "filters") is { } filterNode)
        {
            if (filterNode is not JsonArray array) Bad("audience.filters", "expected a list of filter objects");
            else
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject f && f["_t"] is JsonValue t && FilterTypes.Contains(t.ToString(), StringComparer.Ordinal))
                        filters.Add((JsonObject)f.DeepClone());
                    else Bad($"audience.filters[{i}]", $"expected an audience filter with _t one of {string.Join(", ", FilterTypes)}");
                }
            }
        }

        var examples = new List<AudienceExample>();
        if (Get(obj, "examples") is JsonArray exampleArray)
        {
            for (var i = 0; i < exampleArray.Count; i++)
            {
                if (ReadExample(exampleArray[i], $"audience.examples[{i}]", Bad) is { } example) examples.Add(example with { Index = i });
            }
        }
        else if (Get(obj, "examples") is not null) Bad("audience.examples", "expected a list of examples");

        double? accuracy = Get(obj, "targetAccuracy") is JsonValue a && a.GetValueKind() == JsonValueKind.Number ? a.GetValue<double>() : null;
        if (Get(obj, "targetAccuracy") is not null && accuracy is not (> 0 and <= 1)) Bad("audience.targetAccuracy", "expected a number above 0 and at most 1");
        int? minTasks = Get(obj, "minTasks") is JsonValue m && m.GetValueKind() == JsonValueKind.Number && m.TryGetValue<int>(out var tasks) ? tasks : null;
        if (Get(obj, "minTasks") is not null && minTasks is not (>= 1 and <= 1000)) Bad("audience.minTasks", "expected a whole number from 1 to 1000");
        if (minTasks > examples.Count && examples.Count > 0)
            Bad("audience.minTasks", $"{minTasks} tasks to graduate but only {examples.Count} example(s); add examples or lower minTasks");
        return new AudienceSettings(null, name, filters, examples, accuracy, minTasks);
    }

    private static AudienceExample? ReadExample(JsonNode? node, string field, Action<string, string> bad)
    {
        if (node is not JsonObject e)
        {
            bad(field, "expected an object { prompt, image1, image2, winner }");
            return null;
        }
        foreach (var key in e.Select(p => p.Key).Where(k => !ExampleKeys.Contains(k, StringComparer.OrdinalIgnoreCase)))
            bad($"{field}.{key}", $"unknown key; known keys: {string.Join(", ", ExampleKeys)}");
        string? Text(string key) => Get(e, key) is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>().Trim() : null;
        var (prompt, image1, image2) = (Text("prompt"), Text("image1"), Text("image2"));
        var winner = Get(e, "winner") is JsonValue w && w.GetValueKind() == JsonValueKind.Number && w.TryGetValue<int>(out var won) ? won : 0;
        if (string.IsNullOrEmpty(prompt)) bad($"{field}.prompt", "the prompt is empty");
        if (string.IsNullOrEmpty(image1)) bad($"{field}.image1", "no image given");
        if (string.IsNullOrEmpty(image2)) bad($"{field}.image2", "no image given");
        if (winner is not (1 or 2)) bad($"{field}.winner", "expected 1 (image1 is right) or 2 (image2 is right)");
        if (image1 is { Length: > 0 } && image1 == image2) bad($"{field}.image2", "the same image as image1");
        return string.IsNullOrEmpty(prompt) || string.IsNullOrEmpty(image1) || string.IsNullOrEmpty(image2) || winner is not (1 or 2)
            ? null
            : new AudienceExample(prompt, image1, image2, winner);
    }

    private static JsonNode? Get(JsonObject obj, string key) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    public static string Describe(AudienceSettings audience) => audience.IsCustom
        ? string.Create(CultureInfo.InvariantCulture, $"custom audience \"{audience.Name}\"")
        : $"audience {audience.Id}";
}
