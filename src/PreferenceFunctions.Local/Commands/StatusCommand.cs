using System.CommandLine;
using System.Text.Json;
using PreferenceFunctions.Api;
using PreferenceFunctions.Cli;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Pipeline.Ledger;
using Spectre.Console;

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
        var command = new Command("status", "Show a run's status and progress (JSON); for a rejected run also its first " +
            $"{RejectionProblems.Shown} problems. Exit codes: 0 running or completed, 1 failed, rejected, cancelled, " +
            "no such run or API unreachable, 2 usage error.")
        {
            runId, follow, api,
        };
        command.SetAction((parse, cancellationToken) => HostCommandErrors.RunAsync(parse, async () =>
        {
            var client = ApiOption.ClientFor(parse.GetValue(api)!);
            var id = parse.GetValue(runId)!;
            var console = parse.InvocationConfiguration;
            // A progress bar on a terminal, plain lines at least every 5 s when the output is redirected.
            var followConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Output) });
            var run = parse.GetValue(follow)
                ? await new RunFollower(client, followConsole).FollowAsync(id, TimeSpan.FromDays(7), cancellationToken)
                : await client.GetRunAsync(id, cancellationToken);
            if (run is null)
                return CommandErrors.Fail(parse, $"no run '{id}' (a run appears a second or two after its matchups.csv is uploaded)");
            await console.Output.WriteLineAsync(JsonSerializer.Serialize(run, Indented));
            if (run.RequestedRunId is not null)
                await console.Output.WriteLineAsync($"Run {id} repeats completed run {run.RunId} byte for byte: nothing was ordered; shown above is {run.RunId}.");
            if (run.Status == RunStatus.Rejected) await console.Error.WriteAsync(await ProblemsOfAsync(client, id, cancellationToken));
            return run.Status is RunStatus.Failed or RunStatus.Rejected or RunStatus.Cancelled ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The rejection's first problems, from the API's validation route (works against any host, local or Azure).</summary>
    private static async Task<string> ProblemsOfAsync(LocalApiClient client, string runId, CancellationToken cancellationToken)
    {
        var where = client.ValidationTextUri(runId).ToString();
        return await client.GetValidationAsync(runId, cancellationToken) is { } report
            ? RejectionProblems.Render(report, where)
            : $"Rejected: the problems are at {where}{Environment.NewLine}";
    }
}
