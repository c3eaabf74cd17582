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
    };

    public static LocalApiClient ClientFor(Uri baseUrl) =>
        new(new HttpClient { BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/") });
}
