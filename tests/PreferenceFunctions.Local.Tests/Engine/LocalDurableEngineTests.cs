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
    public async Task ActivityLongerThanTheVisibilityTimeout_TwoHostProcesses_RunsOnce()
    {
        // A 4 s visibility timeout and a 20 s activity: without renewals its message shows up again every 4 s, and the
        // other host (or this one) takes it and runs it a second time while the first still runs.
        var hub = await ProbeHub.CreateAsync();
        var settings = new Dictionary<string, string> { ["Local__MessageVisibilityTimeout"] = "00:00:04" };
        using var first = hub.StartHost(settings);
        using var second = hub.StartHost(settings);
        var folder = Directory.CreateTempSubdirectory("long-activity-").FullName;
        try
        {
            var id = await hub.ScheduleLongActivityAsync(new LongActivityInput(folder, Seconds: 20));
            var state = await hub.WaitForAsync(id, s => s.OrchestrationStatus == OrchestrationStatus.Completed,
                TimeSpan.FromSeconds(120), $"the long activity's run to complete\n{first.Output}\n{second.Output}");
            await Task.Delay(TimeSpan.FromSeconds(6)); // one more visibility timeout: a late second start would show now

            var starts = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
            Assert.True(starts.Count == 1, $"the activity started {starts.Count} times: {string.Join(", ", starts)}\n{first.Output}\n{second.Output}");
            Assert.StartsWith("\"long@", state!.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TwoHostProcesses_OneTaskHub_ShareTheWork()
    {
        var hub = await ProbeHub.CreateAsync();
        using var first = hub.StartHost();
        using var second = hub.StartHost();

        // Batches of runs until both processes have done some of the work: a batch can be over (in 4 s in a CI run) before
        // the second process has started polling, so one batch alone would test how fast the processes start.
        var outputs = new List<string>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        bool HasWorked(ChildProcess host) => outputs.Exists(o => o.EndsWith($"@{host.Id}", StringComparison.Ordinal));
        while (!HasWorked(first) || !HasWorked(second))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"the two hosts did not share the work within 2 minutes: {string.Join(", ", outputs)}\n{first.Output}\n{second.Output}");
            var ids = new List<string>();
            for (var i = 0; i < 12; i++) ids.Add(await hub.ScheduleAsync(timerSeconds: 1));
            foreach (var id in ids)
            {
                var state = await hub.WaitForAsync(id, s => s.OrchestrationStatus == OrchestrationStatus.Completed,
                    TimeSpan.FromSeconds(120), $"run {id} to complete\n{first.Output}\n{second.Output}");
                outputs.AddRange(ProbeHub.OutputOf(state!));
            }
        }

        Assert.All(outputs, o => Assert.True(o.EndsWith($"@{first.Id}", StringComparison.Ordinal) || o.EndsWith($"@{second.Id}", StringComparison.Ordinal), o));
    }
}
