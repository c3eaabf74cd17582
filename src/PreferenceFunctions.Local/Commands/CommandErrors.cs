using System.Globalization;
using Azure;
using Spectre.Console;

namespace PreferenceFunctions.Local.Commands;

/// <summary>Turns the failures a user can fix (storage down, bad folder, API unreachable) into one clear line and exit code 1.</summary>
public static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is IOException or ArgumentException or TimeoutException or InvalidOperationException
                                       or HttpRequestException or RequestFailedException or AggregateException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {Describe(e)}");
            return 1;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        RequestFailedException { Status: 0 } or AggregateException { InnerException: RequestFailedException { Status: 0 } } =>
            $"{e.Message}\nIs the storage account reachable? Locally start Azurite (npx azurite@3.37.0 --skipApiVersionCheck) or set AzureWebJobsStorage.",
        HttpRequestException { StatusCode: null } =>
            $"{e.Message}\nIs the local host running? Start it with: dotnet run --project src/PreferenceFunctions.Local -- serve",
        _ => e.Message,
    };
}
