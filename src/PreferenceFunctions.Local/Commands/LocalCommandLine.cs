using System.CommandLine;
using PreferenceFunctions.Cli;

namespace PreferenceFunctions.Local.Commands;

/// <summary>
/// The local host's command line: the file commands (<see cref="FileCommands"/>) and the commands that need the host or
/// storage. Exit codes and usage errors as <see cref="CommandLineRunner"/> describes.
/// </summary>
public static class LocalCommandLine
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "PreferenceFunctions local host: the whole pipeline on Azurite and the Rapidata emulator. " +
            "With no command it runs 'serve'. " + ExitCodes.Help);
        foreach (var command in FileCommands.Create()) root.Subcommands.Add(command);
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

    public static Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null) =>
        CommandLineRunner.InvokeAsync(CreateRoot(), args, configuration);
}
