using System.CommandLine;
using Azure;

namespace PreferenceFunctions.Local.Commands;

/// <summary>
/// Turns the failures a user can fix (storage down, bad folder, API unreachable) into one clear line,
/// <c>&lt;command&gt;: &lt;what went wrong&gt;</c>, and exit code 1.
/// </summary>
public static class CommandErrors
{
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is IOException or ArgumentException or TimeoutException or InvalidOperationException
                                       or HttpRequestException or RequestFailedException or AggregateException
                                       or UnauthorizedAccessException)
        {
            return Fail(parse, Describe(e));
        }
    }

    /// <summary>Prints <c>&lt;command&gt;: &lt;message&gt;</c> to the error output; returns 1.</summary>
    public static int Fail(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine($"{parse.CommandResult.Command.Name}: {message}");
        return Cli.Failed;
    }

    /// <summary>Prints <c>&lt;command&gt;: &lt;message&gt;</c> and the command's usage line to the error output; returns 2.</summary>
    public static int Usage(ParseResult parse, string message)
    {
        var command = parse.CommandResult.Command;
        parse.InvocationConfiguration.Error.WriteLine($"{command.Name}: {message}");
        parse.InvocationConfiguration.Error.WriteLine(Cli.UsageOf(command));
        return Cli.UsageError;
    }

    private static string Describe(Exception e) => e switch
    {
        RequestFailedException { Status: 0 } or AggregateException { InnerException: RequestFailedException { Status: 0 } } =>
            $"storage is not reachable ({FirstLine(e.Message)}); start Azurite or set AzureWebJobsStorage",
        HttpRequestException { StatusCode: null } =>
            $"{FirstLine(e.Message)}; is the local host running? Start it with: dotnet run --project src/PreferenceFunctions.Local -- serve",
        _ => FirstLine(e.Message),
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
