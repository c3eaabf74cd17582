using DurableTask.Core;
using PreferenceFunctions.Local.Tests.Probe;
using PreferenceFunctions.Local.Tests.Support;

namespace PreferenceFunctions.Local.Tests.Engine;

/// <summary>The durable engine on Azurite, driven from separate host processes that the tests kill.</summary>
public sealed class LocalDurableEngineTests
{
    [Fact]
    public async Task Orchestration_TimerAndActivities_CompletesInHostProcess()
    {
        var hub = await ProbeHub.CreateAsync();
        using var host = hub.StartHost();

        var id = await hub.ScheduleAsync(timerSeconds: 1);
        var state = await hub.WaitForAsync(id, s => s.OrchestrationStatus == OrchestrationStatus.Completed,
            TimeSpan.FromSeconds(90), "the probe orchestration to complete\n" + host.Output);

        Assert.Equal([$"before@{host.Id}", $"after@{host.Id}"], ProbeHub.OutputOf(state!));
    }

    [Fact]
    public async Task HostProcess_KilledDuringDurableTimer_SecondProcessCompletesRun()
    {
        var hub = await ProbeHub.CreateAsync();
        var first = hub.StartHost();
        var id = await hub.ScheduleAsync(timerSeconds: 8);
        await hub.WaitForAsync(id, s => s.Status?.Contains(ProbeOrchestrator.WaitingStatus) == true,
            TimeSpan.FromSeconds(90), "the first host to reach the durable timer\n" + first.Output);
        var firstId = first.Id;
        first.Dispose(); // kill -9

        using var second = hub.StartHost();
        var state = await hub.WaitForAsync(id, s => s.OrchestrationStatus == OrchestrationStatus.Completed,
            TimeSpan.FromSeconds(120), "the second host to complete the run\n" + second.Output);

        Assert.Equal([$"before@{firstId}", $"after@{second.Id}"], ProbeHub.OutputOf(state!));
    }

    [Fact]
    public async Task TwoHostProcesses_OneTaskHub_ShareTheWork()
    {
        var hub = await ProbeHub.CreateAsync();
        using var first = hub.StartHost();
        using var second = hub.StartHost();

        var ids = new List<string>();
        for (var i = 0; i < 12; i++) ids.Add(await hub.ScheduleAsync(timerSeconds: 1));
        var outputs = new List<string>();
        foreach (var id in ids)
        {
            var state = await hub.WaitForAsync(id, s => s.OrchestrationStatus == OrchestrationStatus.Completed,
                TimeSpan.FromSeconds(120), $"run {id} to complete\n{first.Output}\n{second.Output}");
            outputs.AddRange(ProbeHub.OutputOf(state!));
        }

        Assert.Contains(outputs, o => o.EndsWith($"@{first.Id}", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.EndsWith($"@{second.Id}", StringComparison.Ordinal));
    }
}
