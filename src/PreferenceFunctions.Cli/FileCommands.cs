using System.CommandLine;
using PreferenceFunctions.Cli.Commands;

namespace PreferenceFunctions.Cli;

/// <summary>
/// The commands that work on files alone, with no host and no storage: this program's whole command line, and
/// registered by the Local host's command line too.
/// </summary>
public static class FileCommands
{
    public static IReadOnlyList<Command> Create() => [ValidateCommand.Create(), GenerateDatasetCommand.Create(), AnalyzeCommand.Create()];

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("PreferenceFunctions file commands: check a dataset before uploading it, generate one, " +
            "rank models from a results document. No host or storage needed. " + ExitCodes.Help);
        foreach (var command in Create()) root.Subcommands.Add(command);
        return root;
    }
}
