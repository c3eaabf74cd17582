var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/_emulator/health", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point, public for in-process hosting in tests.</summary>
public partial class Program;
