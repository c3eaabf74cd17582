using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Api;

/// <summary>
/// Reads and checks the body of <c>POST /api/runs</c> strictly: JSON only (415 otherwise), a body is required,
/// only the known top-level keys, <c>settings</c> checked with order.json's rules, length caps on every string.
/// Every refusal is a problem+json that names the field; no input reaches a 500.
/// </summary>
public static class StartRunRequestReader
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxDatasetChars = 512;
    public const int MaxIdempotencyKeyChars = 200;
    public static readonly IReadOnlyList<string> TopLevelKeys = ["dataset", "csvPath", "settings"];

    /// <summary>The body, or the problem response that refuses the request.</summary>
    public static async Task<(StartRunBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Headers[RunsApi.IdempotencyKeyHeader].ToString() is { Length: > 0 } key
            && (key.Length > MaxIdempotencyKeyChars || key.Any(char.IsControl)))
            return (null, Problems.Validation(RunsApi.IdempotencyKeyHeader, $"The {RunsApi.IdempotencyKeyHeader} header must be 1 to {MaxIdempotencyKeyChars} printable characters."));
        var text = await ReadTextAsync(request, cancellationToken);
        if (text is null)
            return (null, Problems.BadRequest("The request body is too large.", $"A start request is at most {MaxBodyBytes:N0} bytes."));
        if (text.Length == 0)
            return (null, Problems.BadRequest("The request body is empty.", "Send a JSON object: {\"dataset\": \"<folder>\", \"settings\": {...}}."));
        if (!request.HasJsonContentType())
            return (null, Problems.UnsupportedMediaType($"Send the body as application/json (got {(string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : request.ContentType)})."));
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("The request body is not valid JSON.", $"Line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}."));
        }
        if (root is not JsonObject obj)
            return (null, Problems.BadRequest("The request body is not a JSON object.", "Send a JSON object: {\"dataset\": \"<folder>\", \"settings\": {...}}."));

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var unknown = obj.Select(p => p.Key).Where(k => !TopLevelKeys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var name in unknown)
            errors[name] = [$"Unknown key \"{Shorten(name)}\"; the body takes {string.Join(", ", TopLevelKeys)} (order settings go inside \"settings\")."];
        var dataset = String(obj, "dataset", errors);
        var csvPath = String(obj, "csvPath", errors);
        OrderSettingsOverrides? settings = null;
        switch (Get(obj, "settings"))
        {
            case null: break;
            case JsonObject settingsObject:
                settings = OrderSettingsRequest.Read(settingsObject, out var problems);
                foreach (var problem in problems)
                {
                    var field = problem.Column is { } column ? $"settings.{column}" : "settings";
                    errors[field] = [.. (errors.TryGetValue(field, out var known) ? known : []), problem.Message];
                }
                break;
            default:
                errors["settings"] = ["Expected an object of order.json keys."];
                break;
        }
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (new StartRunBody(dataset, csvPath, settings), null);
    }

    private static string? String(JsonObject obj, string key, Dictionary<string, string[]> errors)
    {
        switch (Get(obj, key))
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                if (text.Length <= MaxDatasetChars && !text.Any(char.IsControl)) return text;
                errors[key] = [$"At most {MaxDatasetChars} characters, none of them control characters (got {text.Length:N0})."];
                return null;
            case var other:
                errors[key] = [$"Expected a string, got {Shorten(other.ToJsonString())}."];
                return null;
        }
    }

    private static JsonNode? Get(JsonObject obj, string key) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The body as text, "" when there is none, null when it is over <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Trim();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
