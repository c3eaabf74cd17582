using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Contracts;

/// <summary>Checks a recorded HTTP request against the contract: operation, query parameters and body.</summary>
internal static partial class RequestContractChecker
{
    public static async Task<IReadOnlyList<string>> CheckAsync(OpenApiContract contract, RecordedRequest request)
    {
        var operation = contract.Find(request.Method, request.Path);
        if (operation is null) return [$"No operation {request.Method} {request.Path} in contracts/rapidata"];
        var violations = new List<string>();
        violations.AddRange(CheckQuery(operation, request.Query));
        violations.AddRange(await CheckBodyAsync(contract, operation, request));
        return violations.Select(v => $"{request.Method} {request.Path}: {v}").ToList();
    }

    private static IEnumerable<string> CheckQuery(OpenApiOperation operation, string query)
    {
        var declared = operation.Parameters("query").ToDictionary(p => (string)p["name"]!);
        var sent = QueryHelpers.ParseQuery(query);
        foreach (var (key, values) in sent)
        {
            var match = DeepObjectKey().Match(key);
            var name = match.Success ? match.Groups[1].Value : key;
            if (!declared.TryGetValue(name, out var parameter))
            {
                yield return $"query parameter '{key}' is not declared";
                continue;
            }
            var schema = (JsonObject)parameter["schema"]!;
            if (match.Success)
            {
                if ((string?)parameter["style"] != "deepObject" || schema["properties"]?[match.Groups[2].Value] is null)
                    yield return $"query parameter '{key}' is not a declared deepObject member";
                continue;
            }
            foreach (var value in values)
                if (!FitsSimpleSchema(schema, value ?? "")) yield return $"query parameter '{key}={value}' does not fit {schema.ToJsonString()}";
        }
        foreach (var required in declared.Values.Where(p => (bool?)p["required"] == true))
            if (!sent.ContainsKey((string)required["name"]!)) yield return $"required query parameter '{required["name"]}' is missing";
    }

    private static bool FitsSimpleSchema(JsonObject schema, string value)
    {
        var items = schema["items"] as JsonObject;
        var enumValues = (schema["enum"] ?? items?["enum"]) as JsonArray;
        if (enumValues is not null && !enumValues.Any(e => (string?)e == value)) return false;
        return ((string?)schema["type"] ?? "string") switch
        {
            "integer" => long.TryParse(value, out _),
            "boolean" => value is "true" or "false",
            "number" => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _),
            _ => true,
        };
    }

    private static async Task<IReadOnlyList<string>> CheckBodyAsync(OpenApiContract contract, OpenApiOperation operation, RecordedRequest request)
    {
        var declared = operation.RequestBody;
        if (request.Body.Length == 0)
            return (bool?)declared?["required"] == true ? ["the request body is required but none was sent"] : [];
        if (declared is null) return ["a body was sent but the operation takes none"];
        var mediaType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/octet-stream");
        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(request.Body);
            }
            catch (JsonException e)
            {
                return [$"the body is not JSON: {e.Message}"];
            }
            return contract.ValidateJsonBody(operation, body);
        }
        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return await CheckMultipartAsync(operation, request, HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!);
        return [$"content type {request.ContentType} is not declared"];
    }

    private static async Task<IReadOnlyList<string>> CheckMultipartAsync(OpenApiOperation operation, RecordedRequest request, string boundary)
    {
        var schema = operation.RequestBody?["content"]?["multipart/form-data"]?["schema"] as JsonObject;
        if (schema is null) return ["multipart/form-data is not declared"];
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                parts.Add(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "");
        }
        var declared = (schema["properties"] as JsonObject ?? []).Select(p => p.Key).ToHashSet();
        var violations = parts.Where(p => !declared.Contains(p)).Select(p => $"multipart field '{p}' is not declared").ToList();
        violations.AddRange((schema["required"] as JsonArray ?? []).Select(r => (string)r!).Where(r => !parts.Contains(r))
            .Select(r => $"required multipart field '{r}' is missing"));
        return violations;
    }

    [GeneratedRegex(@"^([^\[]+)\[([^\]]+)\]$")]
    private static partial Regex DeepObjectKey();
}
