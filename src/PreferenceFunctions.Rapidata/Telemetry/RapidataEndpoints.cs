namespace PreferenceFunctions.Rapidata.Telemetry;

/// <summary>
/// A request's endpoint as a low-cardinality template for tags: ids become <c>{id}</c> and the query string (which may
/// hold names or tokens) is dropped, e.g. <c>order/{id}/download-results</c>.
/// </summary>
public static class RapidataEndpoints
{
    public static string Template(Uri? uri)
    {
        if (uri is null) return "?";
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', segments.Select(segment => LooksLikeId(segment) ? "{id}" : segment));
    }

    // Rapidata's ids are hex object ids or GUIDs (with digits); route words are letters, '-' and '_' only.
    private static bool LooksLikeId(string segment) => segment.Any(c => !(char.IsAsciiLetter(c) || c is '-' or '_'));
}
