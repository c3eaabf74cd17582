using Microsoft.DurableTask;

namespace PreferenceFunctions.Local.Tests.Probe;

/// <summary>Returns its input tagged with the id of the process that ran it.</summary>
public sealed class ProbeActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string step) =>
        Task.FromResult($"{step}@{Environment.ProcessId}");
}
