namespace PreferenceFunctions.Rapidata;

/// <summary>
/// A Rapidata call failed: a non-success status (after retries, where retrying is allowed), a failed token
/// request, or a response body this client cannot read. Carries the problem+json fields and the trace id to quote
/// to Rapidata support.
/// </summary>
public sealed class RapidataRequestException : Exception
{
    public RapidataRequestException(
        string method,
        string path,
        int statusCode,
        string? title,
        string? detail,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors,
        string? traceId,
        Exception? innerException = null)
        : base(Describe(method, path, statusCode, title, detail, errors, traceId), innerException)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, IReadOnlyList<string>>();
        TraceId = traceId;
    }

    public string Method { get; }

    /// <summary>The request path (no host, no query).</summary>
    public string Path { get; }

    /// <summary>HTTP status; 0 when no response arrived.</summary>
    public int StatusCode { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>Field errors of a validation problem: field name to messages.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>From the <c>x-trace-id</c> header, else the body's <c>traceId</c>.</summary>
    public string? TraceId { get; }

    private static string Describe(string method, string path, int status, string? title, string? detail,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors, string? traceId)
    {
        var text = $"Rapidata {method} {path} failed with {status}";
        if (!string.IsNullOrWhiteSpace(title)) text += $": {title}";
        if (!string.IsNullOrWhiteSpace(detail)) text += $" {detail}";
        if (errors is { Count: > 0 })
            text += " Errors: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        if (traceId is not null) text += $" (trace id {traceId})";
        return text;
    }
}
