using PreferenceFunctions.Emulator;

var builder = WebApplication.CreateBuilder(args);
builder.AddRapidataEmulator();
var app = builder.Build();
app.MapRapidataEmulator();
app.Run();

/// <summary>Entry point, public for in-process hosting in tests.</summary>
public partial class Program;
