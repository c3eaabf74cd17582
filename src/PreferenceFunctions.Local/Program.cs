using System.CommandLine;

var root = new RootCommand("PreferenceFunctions local host: the whole pipeline on Azurite and the Rapidata emulator.");
return await root.Parse(args).InvokeAsync();
