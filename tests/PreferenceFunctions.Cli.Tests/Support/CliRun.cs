using System.CommandLine;

namespace PreferenceFunctions.Cli.Tests.Support;

/// <summary>The file commands' program as <c>Program</c> runs it, in this process, with its output and error output captured.</summary>
public sealed record CliRun(int Exit, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new InvocationConfiguration { Output = output, Error = error };
        var exit = await CommandLineRunner.InvokeAsync(FileCommands.CreateRoot(), args, console);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
