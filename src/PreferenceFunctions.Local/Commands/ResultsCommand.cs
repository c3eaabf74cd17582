using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PreferenceFunctions.Cli;

namespace PreferenceFunctions.Local.Commands;

/// <summary><c>results &lt;runId&gt; [--format csv|json] [--table matchups|models]</c>: a finished run's results, to stdout.</summary>
public static class ResultsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var runId = new Argument<string>("runId") { Description = "The run's id." };
        var format = new Option<string>("--format") { Description = "json (models and matchups) or csv (one table).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var table = new Option<string>("--table") { Description = "With --format csv: matchups or models.", DefaultValueFactory = _ => "matchups" };
        table.AcceptOnlyFromAmong("matchups", "models");
        var api = ApiOption.Create();
        var command = new Command("results", "Print a completed run's results (MatchupResults / ModelScores). " +
            "Exit codes: 0 printed, 1 no such run, run not completed or API unreachable, 2 usage error.")
        {
            runId, format, table, api,
        };
        command.SetAction((parse, cancellationToken) => HostCommandErrors.RunAsync(parse, async () =>
        {
            var client = ApiOption.ClientFor(parse.GetValue(api)!);
            var text = await client.GetResultsTextAsync(parse.GetValue(runId)!, parse.GetValue(format)!, parse.GetValue(table)!, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteAsync(Readable(text, parse.GetValue(format)!));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>JSON indented; either format ends with a newline.</summary>
    internal static string Readable(string text, string format)
    {
        if (format == "json" && JsonNode.Parse(text) is { } json) text = json.ToJsonString(Indented);
        return text.EndsWith('\n') ? text : text + Environment.NewLine;
    }
}
