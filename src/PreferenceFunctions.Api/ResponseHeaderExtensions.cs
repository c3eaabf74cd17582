using Microsoft.AspNetCore.Http;

namespace PreferenceFunctions.Api;

/// <summary>Security headers for what the API serves that a browser may render or a spreadsheet may open.</summary>
internal static class ResponseHeaderExtensions
{
    /// <summary>
    /// The report is self-contained (inline styles, images as data: URLs): nothing else may load, no script runs,
    /// no form posts, no framing; and the type is not sniffed.
    /// </summary>
    public const string ReportContentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

    public static IResult AsReport(this IResult result) => new HeaderedResult(result, headers =>
    {
        headers.ContentSecurityPolicy = ReportContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
    });

    /// <summary>A CSV download: saved as a file, never rendered inline, type not sniffed.</summary>
    public static IResult AsAttachment(this IResult result, string fileName) => new HeaderedResult(result, headers =>
    {
        headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        headers.XContentTypeOptions = "nosniff";
    });

    private sealed class HeaderedResult(IResult inner, Action<IHeaderDictionary> set) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            set(httpContext.Response.Headers);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
