using System.CommandLine;
using System.CommandLine.Help;

namespace PreferenceFunctions.Cli;

/// <summary>
/// Runs a command line. A usage error (unknown option, missing argument, bad value) prints
/// <c>&lt;command&gt;: &lt;what is wrong&gt;</c> and the command's one-line usage and exits 2; a failure no command
/// caught prints one line and exits 1, never a stack trace.
/// </summary>
public static class CommandLineRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        configuration.EnableDefaultExceptionHandler = false;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            await configuration.Error.WriteLineAsync($"{command.Name}: {OneLine(parse.Errors[0].Message)}");
            await configuration.Error.WriteLineAsync(UsageOf(command));
            return ExitCodes.UsageError;
        }
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await configuration.Error.WriteLineAsync($"{parse.CommandResult.Command.Name}: {OneLine(e.Message)}");
            return ExitCodes.Failed;
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
