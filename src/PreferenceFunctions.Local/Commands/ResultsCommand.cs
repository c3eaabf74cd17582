using System.CommandLine;

namespace PreferenceFunctions.Local.Commands;

/// <summary><c>results &lt;runId&gt; [--format csv|json] [--table matchups|models]</c>: a finished run's results, to stdout.</summary>
public static class ResultsCommand
{
    public static Command Create()
    {
        var runId = new Argument<string>("runId") { Description = "The run's id." };
        var format = new Option<string>("--format") { Description = "json (models and matchups) or csv (one table).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var table = new Option<string>("--table") { Description = "With --format csv: matchups or models.", DefaultValueFactory = _ => "matchups" };
        table.AcceptOnlyFromAmong("matchups", "models");
        var api = ApiOption.Create();
        var command = new Command("results", "Print a completed run's results (MatchupResults / ModelScores).") { runId, format, table, api };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var client = ApiOption.ClientFor(parse.GetValue(api)!);
            Console.Write(await client.GetResultsTextAsync(parse.GetValue(runId)!, parse.GetValue(format)!, parse.GetValue(table)!, cancellationToken));
            return 0;
        }));
        return command;
    }
}
