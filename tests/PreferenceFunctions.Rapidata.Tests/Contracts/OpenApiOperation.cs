using System.Globalization;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Rapidata.Tests.Contracts;

/// <summary>One operation of an OpenAPI document, found by method and concrete path.</summary>
internal sealed record OpenApiOperation(string Document, Uri DocumentId, string Method, string PathTemplate, JsonObject Definition)
{
    public IEnumerable<JsonObject> Parameters(string location) =>
        (Definition["parameters"] as JsonArray ?? []).OfType<JsonObject>().Where(p => (string?)p["in"] == location);

    public JsonObject? RequestBody => Definition["requestBody"] as JsonObject;

    public JsonObject? ResponseSchema(int status, string mediaType) =>
        Definition["responses"]?[status.ToString(CultureInfo.InvariantCulture)]?["content"]?[mediaType]?["schema"] as JsonObject;

    public bool DeclaresResponse(int status) => Definition["responses"]?[status.ToString(CultureInfo.InvariantCulture)] is not null;

    /// <summary>Whether <paramref name="path"/> fits the template; literal segments count so the most specific wins.</summary>
    public static int? Match(string template, string path)
    {
        var expected = template.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        if (expected.Length != actual.Length) return null;
        var literals = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i].StartsWith('{') && expected[i].EndsWith('}'))
            {
                if (actual[i].Length == 0) return null;
            }
            else if (expected[i] == actual[i]) literals++;
            else return null;
        }
        return literals;
    }
}
