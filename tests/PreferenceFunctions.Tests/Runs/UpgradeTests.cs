using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>A run that started on an older orchestrator version moves to the current one at its next ContinueAsNew.</summary>
public sealed class UpgradeTests
{
    private const string PreviousVersion = "0";

    [Fact]
    public async Task Run_StartedOnThePreviousVersion_MovesToTheCurrentVersionMidWaitAndCompletes()
    {
        NextVersionOrchestrator.Executions = 0;
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.0001,
            new Dictionary<string, string?>
            {
                ["Preference:PollInterval"] = "00:00:00.001", ["Preference:MaxPollInterval"] = "00:00:00.001",
            },
            tasks: registry =>
            {
                // Version N: the orchestrator the run starts on; version N+1 (current): a different class under the same name.
                var name = nameof(PreferenceRunOrchestrator);
                registry.AddOrchestrator(name, new TaskVersion(PreviousVersion), () => new PreferenceRunOrchestrator());
                registry.AddOrchestrator(name, new TaskVersion(PreferenceRunOrchestrator.CurrentVersion), () => new NextVersionOrchestrator());
                foreach (var activity in PreferenceTasks.Activities) registry.AddActivity(activity);
            });
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "upgrade");
        var runId = RunIds.ForDatasetVersion(harness.DatasetsContainer, "upgrade", etag);
        var request = RunRequest.For(runId, harness.DatasetsContainer, "upgrade", null,
            harness.Services.GetRequiredService<IOptions<PreferenceOptions>>().Value);
        await harness.Client.ScheduleNewOrchestrationInstanceAsync(nameof(PreferenceRunOrchestrator), request,
            new StartOrchestrationOptions(runId) { Version = PreviousVersion });

        var waiting = await Eventually.GetAsync(() => harness.RunRowAsync(runId), r => r?.Phase == RunPhase.WaitingForCrowd,
            TimeSpan.FromSeconds(60), "the wait on the previous version");
        var beforeMove = NextVersionOrchestrator.Executions;
        await Eventually.GetAsync(() => Task.FromResult(NextVersionOrchestrator.Executions), n => n > 0, TimeSpan.FromSeconds(60),
            "the current version to take the run over");
        harness.Emulator.CompleteOrder(waiting!.OrderId!);
        var done = await harness.WaitAsync(runId);

        Assert.Equal(0, beforeMove);
        RunHarness.AssertOutcome(done, RunPhase.Completed);
        Assert.True(done.ReadInputAs<RunRequest>()!.Waiting!.Generation >= 1);
        Assert.Single(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/order");
    }

    /// <summary>Stands for the next version of the run orchestrator: the same steps, counted.</summary>
    private sealed class NextVersionOrchestrator : TaskOrchestrator<RunRequest, RunResult>
    {
        public static int Executions;

        public override Task<RunResult> RunAsync(TaskOrchestrationContext context, RunRequest input)
        {
            Interlocked.Increment(ref Executions);
            return new PreferenceRunOrchestrator().RunAsync(context, input);
        }
    }
}
