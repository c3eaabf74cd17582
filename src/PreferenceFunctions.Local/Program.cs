using PreferenceFunctions.Local.Commands;

return await LocalCommandLine.InvokeAsync(args);
