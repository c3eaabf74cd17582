using System.CommandLine;
using PreferenceFunctions.Cli;
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
        var command = new Command("serve", "Run the local host until Ctrl+C: durable engine, HTTP API (/api/runs), dashboard (/), dataset watcher, " +
            "Event Grid endpoint. The default command. Exit codes: 0 stopped, 1 storage missing or unreachable, 2 usage error.")
        {
            urls,
        };
        command.SetAction((parse, cancellationToken) => RunCheckedAsync(parse, parse.GetValue(urls)!, cancellationToken));
        return command;
    }

    /// <summary>The action of the root command: <c>serve</c> with its defaults.</summary>
    public static Task<int> RunDefaultAsync(ParseResult parse, CancellationToken cancellationToken) =>
        RunCheckedAsync(parse, LocalHostBuilder.DefaultUrls, cancellationToken);

    /// <summary>Storage first (one line when it is missing), then the host.</summary>
    private static Task<int> RunCheckedAsync(ParseResult parse, string urls, CancellationToken cancellationToken) =>
        HostCommandErrors.RunAsync(parse, async () =>
            await StorageProbe.ProblemAsync(LocalConfiguration.Load(), cancellationToken) is { } problem
                ? CommandErrors.Fail(parse, problem)
                : await RunAsync(urls, cancellationToken));

    public static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var configuration = LocalConfiguration.Load();
        await using var rapidata = await RapidataEndpoint.ResolveAsync(configuration, cancellationToken: cancellationToken);
        await using var app = LocalHostBuilder.Build(urls, rapidata.Settings);
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"PreferenceFunctions local host: dashboard on {urls}/, API on {urls}/api/runs, Rapidata {rapidata.Description}.");
        Console.WriteLine("Drop <dataset>/matchups.csv (images first) into the datasets container to start a run. Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
