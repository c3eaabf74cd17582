using System.CommandLine;
using Azure;
using PreferenceFunctions.Cli;

namespace PreferenceFunctions.Local.Commands;

/// <summary>
/// Turns the failures a user can fix in the commands that need the host or storage (storage down, bad folder, API
/// unreachable) into one clear line, <c>&lt;command&gt;: &lt;what went wrong&gt;</c>, and exit code 1.
/// </summary>
public static class HostCommandErrors
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
            return CommandErrors.Fail(parse, Describe(e));
        }
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
