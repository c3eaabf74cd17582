using System.CommandLine;

namespace PreferenceFunctions.Cli;

/// <summary>The one-line failures a command reports itself: <c>&lt;command&gt;: &lt;what went wrong&gt;</c>.</summary>
public static class CommandErrors
{
    /// <summary>Prints <c>&lt;command&gt;: &lt;message&gt;</c> to the error output; returns 1.</summary>
    public static int Fail(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine($"{parse.CommandResult.Command.Name}: {message}");
        return ExitCodes.Failed;
    }

    /// <summary>Prints <c>&lt;command&gt;: &lt;message&gt;</c> and the command's usage line to the error output; returns 2.</summary>
    public static int Usage(ParseResult parse, string message)
    {
        var command = parse.CommandResult.Command;
        parse.InvocationConfiguration.Error.WriteLine($"{command.Name}: {message}");
        parse.InvocationConfiguration.Error.WriteLine(CommandLineRunner.UsageOf(command));
        return ExitCodes.UsageError;
    }
}
