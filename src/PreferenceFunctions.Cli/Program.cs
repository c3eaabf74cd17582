using PreferenceFunctions.Cli;

return await CommandLineRunner.InvokeAsync(FileCommands.CreateRoot(), args);
