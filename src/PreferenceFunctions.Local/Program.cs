using PreferenceFunctions.Local.Commands;

return await Cli.InvokeAsync(args);
