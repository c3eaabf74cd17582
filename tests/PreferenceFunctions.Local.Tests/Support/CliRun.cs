using System.CommandLine;
using PreferenceFunctions.Local.Commands;

namespace PreferenceFunctions.Local.Tests.Support;

/// <summary>The command line as <c>Program</c> runs it, with its output and error output captured.</summary>
public sealed record CliRun(int Exit, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await LocalCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs with environment variables set (the commands read settings from the environment), restoring them after.</summary>
    public static async Task<CliRun> InvokeWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var saved = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in environment) Environment.SetEnvironmentVariable(name, value);
            return await InvokeAsync(args);
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
