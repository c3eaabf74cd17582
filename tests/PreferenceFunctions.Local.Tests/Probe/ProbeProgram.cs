using Microsoft.Extensions.Hosting;
using PreferenceFunctions.Local.Engine;

namespace PreferenceFunctions.Local.Tests.Probe;

/// <summary>
/// Entry point of the test assembly when run as <c>dotnet PreferenceFunctions.Local.Tests.dll durable-probe</c>: a host with
/// the local durable engine running the probe tasks, configured by environment variables, until it is killed.
/// </summary>
public static class ProbeProgram
{
    public const string Command = "durable-probe";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Command]) return 2;
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLocalDurableEngine(builder.Configuration, tasks => tasks
            .AddOrchestrator<ProbeOrchestrator>()
            .AddActivity<ProbeActivity>()
            .AddOrchestrator<ProbeLongActivityOrchestrator>()
            .AddActivity<ProbeLongActivity>());
        await builder.Build().RunAsync();
        return 0;
    }
}
