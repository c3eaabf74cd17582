using PreferenceFunctions.Emulator.Contracts;

namespace PreferenceFunctions.Emulator.Faults;

/// <summary>Which requests a fault's endpoint selects: "all"/"*", or "[METHOD ]/path/pattern", matched against the OpenAPI
/// template the request was routed to or, segment by segment, against its path ("{name}" or "*" = one segment, a final
/// "**" = the rest). The admin API is never selected; callers skip it before asking.</summary>
internal static class EndpointSelector
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*"];

    public static bool IsAll(string? endpoint) =>
        string.IsNullOrWhiteSpace(endpoint) || endpoint.Trim() == "*" || endpoint.Trim().Equals(OutageWindow.AllEndpoints, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="endpoint"/> is not a selector, or null when it is.</summary>
    public static string? Problem(string? endpoint)
    {
        if (IsAll(endpoint))
        {
            return null;
        }

        var (method, pattern) = Split(endpoint!);
        if (method is not null && !Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            return $"'{method}' is not an HTTP method; use \"all\", \"METHOD /path\" or \"/path\".";
        }

        if (!pattern.StartsWith('/'))
        {
            return "The path must start with '/' (e.g. \"GET /order/{orderId}\"); use \"all\" for every endpoint.";
        }

        return EmulatorPaths.IsAdmin(pattern) ? "The emulator's admin API (/_emulator) is never faulted." : null;
    }

    public static bool Matches(string? endpoint, HttpContext context)
    {
        if (IsAll(endpoint))
        {
            return true;
        }

        var (method, pattern) = Split(endpoint!);
        if (method is not null && method != "*" && !HttpMethods.Equals(method, context.Request.Method))
        {
            return false;
        }

        var template = context.GetEndpoint()?.Metadata.GetMetadata<ContractOperation>()?.PathTemplate;
        return string.Equals(pattern, template, StringComparison.OrdinalIgnoreCase)
            || SegmentsMatch(pattern, context.Request.Path.Value ?? "");
    }

    private static (string? Method, string Pattern) Split(string endpoint)
    {
        var trimmed = endpoint.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (null, trimmed) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }

    private static bool SegmentsMatch(string pattern, string path)
    {
        var want = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var have = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < want.Length; i++)
        {
            if (want[i] == "**" && i == want.Length - 1)
            {
                return true;
            }

            if (i >= have.Length)
            {
                return false;
            }

            var wildcard = want[i] == "*" || (want[i].StartsWith('{') && want[i].EndsWith('}'));
            if (!wildcard && !string.Equals(want[i], have[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return want.Length == have.Length;
    }
}
