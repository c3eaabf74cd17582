using System.Text.Json;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Checks Rapidata user filters (<c>CreateOrder.userFilters</c>, rapidata-api.md §5) before any call, so a typo
/// fails with the field named instead of a 400 from Rapidata after the upload.
/// </summary>
internal static class FilterRules
{
    private enum Kind { Strings, Number, Text, Filter, Filters }

    private sealed record Field(string Name, Kind Kind, bool Required = true, string[]? Allowed = null, double Min = double.MinValue, double Max = double.MaxValue);

    private static readonly string[] AgeGroups = ["0-17", "18-29", "30-39", "40-49", "50-64", "65+"];
    private static readonly string[] Operators = ["Equal", "NotEqual", "LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual"];

    private static readonly Dictionary<string, Field[]> Types = new(StringComparer.Ordinal)
    {
        ["CountryFilter"] = [new("countries", Kind.Strings)],
        ["LanguageFilter"] = [new("languages", Kind.Strings)],
        ["AgeFilter"] = [new("ageGroups", Kind.Strings, Allowed: AgeGroups)],
        ["GenderFilter"] = [new("genders", Kind.Strings, Allowed: ["Male", "Female", "Other"])],
        ["DeviceFilter"] = [new("deviceTypes", Kind.Strings, Allowed: ["Unknown", "Phone", "Tablet"])],
        ["UserScoreFilter"] = [new("lowerbound", Kind.Number, false, Min: 0, Max: 1), new("upperbound", Kind.Number, false, Min: 0, Max: 1), new("dimension", Kind.Text, false)],
        ["ResponseCountFilter"] = [new("responseCount", Kind.Number, Min: 0), new("dimension", Kind.Text), new("operator", Kind.Text, Allowed: Operators)],
        ["CampaignFilter"] = [new("campaignIds", Kind.Strings)],
        ["CustomFilter"] = [new("identifier", Kind.Text), new("values", Kind.Strings)],
        ["NewUserFilter"] = [],
        ["AndFilter"] = [new("filters", Kind.Filters)],
        ["OrFilter"] = [new("filters", Kind.Filters)],
        ["NotFilter"] = [new("filter", Kind.Filter)],
    };

    /// <summary>Every problem of one filter, each naming its path (e.g. <c>filters[1].countries</c>).</summary>
    public static IEnumerable<string> Check(JsonNode? filter, string path)
    {
        if (filter is not JsonObject obj)
        {
            yield return $"{path}: expected an object with \"_t\" (e.g. {{\"_t\":\"CountryFilter\",\"countries\":[\"US\"]}})";
            yield break;
        }
        var type = obj["_t"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type is null || !Types.TryGetValue(type, out var fields))
        {
            yield return $"{path}._t: {(type is null ? "missing" : $"unknown filter \"{type}\"")}; known filters: {string.Join(", ", Types.Keys)}";
            yield break;
        }
        foreach (var (key, _) in obj)
        {
            if (key != "_t" && !fields.Any(f => f.Name == key))
                yield return $"{path}: unknown field \"{key}\" for {type}" + (fields.Length == 0 ? " (it has no fields)" : $"; expected {string.Join(", ", fields.Select(f => f.Name))}");
        }
        foreach (var field in fields)
        {
            foreach (var problem in CheckField(field, obj[field.Name], obj.ContainsKey(field.Name), $"{path}.{field.Name}"))
                yield return problem;
        }
    }

    private static IEnumerable<string> CheckField(Field field, JsonNode? value, bool present, string path)
    {
        if (!present || value is null)
        {
            if (field.Required) yield return $"{path}: required";
            yield break;
        }
        switch (field.Kind)
        {
            case Kind.Strings when value is JsonArray items:
                if (items.Count == 0) yield return $"{path}: must not be empty";
                foreach (var (item, i) in items.Select((n, i) => (n, i)))
                {
                    if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                        yield return $"{path}[{i}]: expected a string";
                    else if (field.Allowed is { } allowed && !allowed.Contains(v.GetValue<string>()))
                        yield return $"{path}[{i}]: \"{v.GetValue<string>()}\" is not one of {string.Join(", ", allowed)}";
                }
                break;
            case Kind.Number when value is JsonValue n && n.GetValueKind() == JsonValueKind.Number:
                var number = n.GetValue<double>();
                if (number < field.Min || number > field.Max) yield return $"{path}: {number} is outside {field.Min}..{(field.Max == double.MaxValue ? "" : field.Max)}";
                break;
            case Kind.Text when value is JsonValue x && x.GetValueKind() == JsonValueKind.String:
                if (field.Allowed is { } options && !options.Contains(x.GetValue<string>()))
                    yield return $"{path}: \"{x.GetValue<string>()}\" is not one of {string.Join(", ", options)}";
                break;
            case Kind.Filter:
                foreach (var inner in Check(value, path)) yield return inner;
                break;
            case Kind.Filters when value is JsonArray filters:
                if (filters.Count == 0) yield return $"{path}: must not be empty";
                for (var i = 0; i < filters.Count; i++)
                    foreach (var inner in Check(filters[i], $"{path}[{i}]")) yield return inner;
                break;
            default:
                yield return $"{path}: expected {Describe(field.Kind)}";
                break;
        }
    }

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Strings => "a list of strings",
        Kind.Number => "a number",
        Kind.Text => "a string",
        _ => "a list of filters",
    };
}
