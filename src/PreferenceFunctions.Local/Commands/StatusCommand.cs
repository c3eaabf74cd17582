using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using PreferenceFunctions.Api;
using PreferenceFunctions.Local.Demo;
using Spectre.Console;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Commands;

/// <summary><c>status &lt;runId&gt; [--follow]</c>: a run's status and progress from the HTTP API.</summary>
public static class StatusCommand
{
    private static readonly JsonSerializerOptions Indented = new(ApiJson.Options) { WriteIndented = true };

    public static Command Create()
    {
        var runId = new Argument<string>("runId") { Description = "The run's id (upload prints it)." };
        var follow = new Option<bool>("--follow") { Description = "Show live progress until the run ends." };
        var api = ApiOption.Create();
        var command = new Command("status", "Show a run's status and progress.") { runId, follow, api };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var client = ApiOption.ClientFor(parse.GetValue(api)!);
            var id = parse.GetValue(runId)!;
            var run = parse.GetValue(follow)
                ? await new RunFollower(client, AnsiConsole.Console).FollowAsync(id, TimeSpan.FromDays(7), cancellationToken)
                : await client.GetRunAsync(id, cancellationToken);
            if (run is null)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No run '{id}'.[/] (A run appears a second or two after its matchups.csv is uploaded.)");
                return 1;
            }
            Console.WriteLine(JsonSerializer.Serialize(run, Indented));
            return run.Status is RunStatus.Failed or RunStatus.Rejected or RunStatus.Cancelled ? 1 : 0;
        }));
        return command;
    }
}
