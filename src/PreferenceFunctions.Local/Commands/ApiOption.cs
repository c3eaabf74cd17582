using System.CommandLine;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Hosting;

namespace PreferenceFunctions.Local.Commands;

/// <summary><c>--api URL</c>: the HTTP API the status and results commands read (a running <c>serve</c> by default).</summary>
public static class ApiOption
{
    public static Option<Uri> Create() => new("--api")
    {
        Description = "Base URL of the HTTP API (a running 'serve', or the Functions app).",
        DefaultValueFactory = _ => new Uri(LocalHostBuilder.DefaultUrls),
        // System.CommandLine has no built-in Uri parser.
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return new Uri(LocalHostBuilder.DefaultUrls);
            var text = result.Tokens[^1].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            result.AddError($"--api must be an http(s) URL such as {LocalHostBuilder.DefaultUrls}, not '{text}'");
            return null;
        },
    };

    public static LocalApiClient ClientFor(Uri baseUrl) =>
        new(new HttpClient { BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/") });
}
