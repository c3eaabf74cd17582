using System.CommandLine;
using System.CommandLine.Help;

namespace PreferenceFunctions.Local.Commands;

/// <summary>
/// The command line: every command, and the exit codes they share. A usage error (unknown option, missing argument, bad
/// value) prints <c>&lt;command&gt;: &lt;what is wrong&gt;</c> and the command's one-line usage and exits 2; a failure
/// no command caught prints one line and exits 1, never a stack trace.
/// </summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    /// <summary>The line every command's help ends with.</summary>
    public const string ExitCodes = "Exit codes: 0 success, 1 failure or bad input, 2 usage error.";

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "PreferenceFunctions local host: the whole pipeline on Azurite and the Rapidata emulator. " +
            "With no command it runs 'serve'. " + ExitCodes);
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(GenerateDatasetCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(UploadCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ResultsCommand.Create());
        root.Subcommands.Add(LeaderboardCommand.Create());
        root.Subcommands.Add(RunActionCommands.Cancel());
        root.Subcommands.Add(RunActionCommands.Resume());
        root.Subcommands.Add(RunActionCommands.Reaggregate());
        root.SetAction(ServeCommand.RunDefaultAsync);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        configuration.EnableDefaultExceptionHandler = false;
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            await configuration.Error.WriteLineAsync($"{command.Name}: {OneLine(parse.Errors[0].Message)}");
            await configuration.Error.WriteLineAsync(UsageOf(command));
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await configuration.Error.WriteLineAsync($"{parse.CommandResult.Command.Name}: {OneLine(e.Message)}");
            return Failed;
        }
    }

    /// <summary>One line: <c>usage: results &lt;runId&gt; [--format &lt;csv|json&gt;] ...</c>, required parts without brackets.</summary>
    public static string UsageOf(Command command)
    {
        var parts = new List<string> { "usage:", command.Name };
        if (command is RootCommand) parts.Add("[command]");
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            parts.Add(argument.Arity.MinimumNumberOfValues > 0 ? $"<{argument.Name}>" : $"[<{argument.Name}>]");
        foreach (var option in command.Options.Where(o => !o.Hidden && o is not HelpOption && o is not VersionOption))
        {
            var value = option.ValueType == typeof(bool) ? "" : $" <{option.HelpName ?? option.Name.TrimStart('-')}>";
            parts.Add(option.Required ? $"{option.Name}{value}" : $"[{option.Name}{value}]");
        }
        return string.Join(' ', parts);
    }

    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
