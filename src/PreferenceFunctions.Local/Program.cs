using System.CommandLine;
using PreferenceFunctions.Local.Commands;

var root = new RootCommand("PreferenceFunctions local host: the whole pipeline on Azurite and the Rapidata emulator.");
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(GenerateDatasetCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(UploadCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ResultsCommand.Create());
root.Subcommands.Add(RunActionCommands.Cancel());
root.Subcommands.Add(RunActionCommands.Resume());
root.Subcommands.Add(RunActionCommands.Reaggregate());
root.SetAction(ServeCommand.RunDefaultAsync);
return await root.Parse(args).InvokeAsync();
