using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api.Dashboard;

/// <summary>
/// The dashboard: one self-contained HTML page (its stylesheet and script inlined from embedded resources, no CDN, no
/// external fonts) that reads the HTTP API. The local host serves it at <c>/</c>, the Functions app at <c>/api/dashboard</c>
/// (function key in <c>?code=</c>, which the page passes on to every API call).
/// </summary>
public static class DashboardPage
{
    private static readonly string[] Scripts = ["dashboard.js", "upload.js", "leaderboards.js", "start.js"];
    private static readonly Lazy<(string Html, string Policy)> Page = new(Build);

    /// <summary>Only the inlined script and stylesheet (by hash) run; images and API calls stay on this origin.</summary>
    public static string ContentSecurityPolicy => Page.Value.Policy;

    public static IResult Get() => new DashboardResult();

    private static (string Html, string Policy) Build()
    {
        var css = Resource("dashboard.css");
        // One strict-mode function around the scripts, so they share the helpers of dashboard.js and leak nothing.
        var js = $"'use strict';\n(() => {{\n{string.Concat(Scripts.Select(Resource))}}})();\n";
        var html = Resource("index.html").Replace("/*STYLE*/", css, StringComparison.Ordinal).Replace("/*SCRIPT*/", js, StringComparison.Ordinal);
        var policy = $"default-src 'none'; script-src '{Hash(js)}'; style-src '{Hash(css)}'; img-src 'self' data:; connect-src 'self'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return (html, policy);
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Resource(string name)
    {
        var assembly = typeof(DashboardPage).Assembly;
        using var stream = assembly.GetManifestResourceStream($"PreferenceFunctions.Api.Dashboard.Assets.{name}")
            ?? throw new InvalidOperationException($"The dashboard resource {name} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed class DashboardResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-cache";
            return HttpResults.Content(Page.Value.Html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
