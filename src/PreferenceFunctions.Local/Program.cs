using System.CommandLine;
using PreferenceFunctions.Local.Commands;

var root = new RootCommand("PreferenceFunctions local host: the whole pipeline on Azurite and the Rapidata emulator.");
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(GenerateDatasetCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
return await root.Parse(args).InvokeAsync();
