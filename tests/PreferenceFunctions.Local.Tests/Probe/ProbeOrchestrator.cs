using Microsoft.DurableTask;

namespace PreferenceFunctions.Local.Tests.Probe;

/// <summary>A test orchestration: activity, durable timer, activity. The output names the process of each activity.</summary>
public sealed class ProbeOrchestrator : TaskOrchestrator<int, List<string>>
{
    public const string WaitingStatus = "waiting";

    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, int timerSeconds)
    {
        var before = await context.CallActivityAsync<string>(nameof(ProbeActivity), "before");
        context.SetCustomStatus(WaitingStatus);
        await context.CreateTimer(TimeSpan.FromSeconds(timerSeconds), CancellationToken.None);
        var after = await context.CallActivityAsync<string>(nameof(ProbeActivity), "after");
        return [before, after];
    }
}
