using System.CommandLine;
using System.Globalization;
using PreferenceFunctions.Cli;

namespace PreferenceFunctions.Local.Commands;

/// <summary>
/// <c>leaderboard &lt;name&gt; [--format json|csv] [--suggest VOTES] [--remove-run RUNID]</c>: a living leaderboard
/// from the HTTP API, the matchups to buy next, or the leaderboard without one run.
/// </summary>
public static class LeaderboardCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The leaderboard's name (order.json \"leaderboard\")." };
        var format = new Option<string>("--format") { Description = "json, or csv (the models; with --suggest the matchups.csv skeleton).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var suggest = new Option<int?>("--suggest") { Description = "Suggest where to spend this many votes next (model pairs and matchups)." };
        var removeRun = new Option<string?>("--remove-run") { Description = "Take this run's votes out of the leaderboard and refit." };
        var api = ApiOption.Create();
        var command = new Command("leaderboard", "Print a leaderboard (models, scores, intervals, votes, runs), suggest the next " +
            "matchups, or remove a run. Exit codes: 0 printed, 1 no such leaderboard or run, or API unreachable, 2 usage error.")
        {
            name, format, suggest, removeRun, api,
        };
        command.SetAction((parse, cancellationToken) => HostCommandErrors.RunAsync(parse, async () =>
        {
            if (parse.GetValue(suggest) is not null && parse.GetValue(removeRun) is not null)
                return CommandErrors.Usage(parse, "--suggest and --remove-run do not go together");
            var client = ApiOption.ClientFor(parse.GetValue(api)!);
            var csv = parse.GetValue(format) == "csv";
            var text = parse.GetValue(suggest) is { } votes
                ? await client.LeaderboardTextAsync(parse.GetValue(name)!,
                    string.Create(CultureInfo.InvariantCulture, $"/suggest?votes={votes}{(csv ? "&format=csv" : "")}"), cancellationToken: cancellationToken)
                : parse.GetValue(removeRun) is { } runId
                    ? await client.LeaderboardTextAsync(parse.GetValue(name)!, $"/runs/{Uri.EscapeDataString(runId)}", delete: true,
                        cancellationToken: cancellationToken)
                    : await client.LeaderboardTextAsync(parse.GetValue(name)!, csv ? "?format=csv" : "", cancellationToken: cancellationToken);
            var json = !csv || parse.GetValue(removeRun) is not null;
            await parse.InvocationConfiguration.Output.WriteAsync(ResultsCommand.Readable(text, json ? "json" : "csv"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
