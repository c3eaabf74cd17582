using System.CommandLine;
using PreferenceFunctions.Local.Hosting;

namespace PreferenceFunctions.Local.Commands;

/// <summary><c>serve</c> (also what runs with no command): the local host until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where the HTTP API listens.",
            DefaultValueFactory = _ => LocalHostBuilder.DefaultUrls,
        };
        var command = new Command("serve", "Run the local host: durable engine, HTTP API (/api/runs), dataset watcher, Event Grid endpoint.")
        {
            urls,
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(() => RunAsync(parse.GetValue(urls)!, cancellationToken)));
        return command;
    }

    /// <summary>The action of the root command: <c>serve</c> with its defaults.</summary>
    public static Task<int> RunDefaultAsync(ParseResult parse, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(() => RunAsync(LocalHostBuilder.DefaultUrls, cancellationToken));

    public static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var configuration = LocalConfiguration.Load();
        await using var rapidata = await RapidataEndpoint.ResolveAsync(configuration, cancellationToken: cancellationToken);
        await using var app = LocalHostBuilder.Build(urls, rapidata.Settings);
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"PreferenceFunctions local host: API on {urls}/api/runs, Rapidata {rapidata.Description}.");
        Console.WriteLine("Drop <dataset>/matchups.csv (images first) into the datasets container to start a run. Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
