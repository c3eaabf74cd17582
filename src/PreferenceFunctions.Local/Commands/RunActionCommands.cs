using System.CommandLine;
using System.Globalization;
using PreferenceFunctions.Cli;

namespace PreferenceFunctions.Local.Commands;

/// <summary>
/// <c>cancel</c>, <c>resume</c> and <c>reaggregate</c>: one POST each to the run's HTTP API (docs/http-api.md); the answer
/// is printed as it came. Exit 0 when accepted, 1 with the API's reason otherwise.
/// </summary>
public static class RunActionCommands
{
    public static Command Cancel()
    {
        var mode = new Option<string?>("--mode")
        {
            Description = "What to do to a submitted order: pause, delete or keep (default: Preference__OnAbandon).",
        };
        mode.AcceptOnlyFromAmong("pause", "delete", "keep");
        return Create("cancel", "Stop a run; its Rapidata order is paused (or deleted/kept with --mode).", mode,
            parse => parse.GetValue(mode) is { } value ? $"?mode={value}" : "");
    }

    public static Command Resume()
    {
        var deadline = new Option<TimeSpan?>("--deadline")
        {
            Description = "How long to wait for the crowd again, e.g. 2.00:00:00 (default: Preference__Deadline).",
        };
        return Create("resume",
            "Pick a Failed or Cancelled run up again: its paused order is resumed, then the run waits, downloads and writes.", deadline, parse => parse.GetValue(deadline) is { } value ? $"?deadline={value.ToString("c", CultureInfo.InvariantCulture)}" : "");
    }

    public static Command Reaggregate() =>
        Create("reaggregate", "Rebuild a run's tables and report from its stored results.json (nothing is asked of Rapidata).", null, _ => "");

    private static Command Create(string action, string description, Option? option, Func<ParseResult, string> query)
    {
        var runId = new Argument<string>("runId") { Description = "The run's id." };
        var api = ApiOption.Create();
        var command = new Command(action, $"{description} {ExitCodes.Help}") { runId, api };
        if (option is not null) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => HostCommandErrors.RunAsync(parse, async () =>
        {
            var client = ApiOption.ClientFor(parse.GetValue(api)!);
            Console.WriteLine(await client.PostRunActionAsync(parse.GetValue(runId)!, action, query(parse), cancellationToken));
            return 0;
        }));
        return command;
    }
}
