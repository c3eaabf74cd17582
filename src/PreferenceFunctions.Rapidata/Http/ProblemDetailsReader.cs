using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Http;

/// <summary>Turns a failed response into a <see cref="RapidataRequestException"/>, reading problem+json when present.</summary>
internal static class ProblemDetailsReader
{
    private const int MaxBodyBytes = 64 * 1024;
    public const string TraceIdHeader = "x-trace-id";

    public static async Task<RapidataRequestException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage;
        var method = request?.Method.Method ?? "?";
        var path = request?.RequestUri?.AbsolutePath ?? "?";
        var headerTraceId = response.Headers.TryGetValues(TraceIdHeader, out var values) ? values.FirstOrDefault() : null;
        var body = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var (title, detail, errors, bodyTraceId) = Parse(body);
        return new RapidataRequestException(method, path, (int)response.StatusCode,
            title ?? response.ReasonPhrase, detail, errors, headerTraceId ?? bodyTraceId);
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            length += read;
        return buffer[..length];
    }

    /// <summary>Reads RFC 7807 fields, plus the <c>message</c>/<c>error</c> fields some Rapidata errors use instead.</summary>
    internal static (string? Title, string? Detail, Dictionary<string, IReadOnlyList<string>>? Errors, string? TraceId) Parse(byte[] body)
    {
        if (body.Length == 0) return default;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return default;
            var title = Text(root, "title") ?? Text(root, "message") ?? Text(root, "error");
            var detail = Text(root, "detail") ?? Text(root, "error_description");
            return (title, detail, Errors(root), Text(root, "traceId"));
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page, say): keep a short excerpt as the detail.
            var text = System.Text.Encoding.UTF8.GetString(body);
            return (null, text.Length > 500 ? text[..500] : text, null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, IReadOnlyList<string>>? Errors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object) return null;
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var field in errors.EnumerateObject())
        {
            result[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.Array => field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText()).ToArray(),
                JsonValueKind.String => [field.Value.GetString()!],
                _ => [field.Value.GetRawText()],
            };
        }
        return result;
    }
}
