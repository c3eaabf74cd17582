using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Runs.Rounds;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Upload;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// The one list of a run's orchestrators and activities. The local host's Durable Task worker registers them from
/// here, DI creates the activities from here, and the Functions app has one shim per entry (a test checks that).
/// </summary>
public static class PreferenceTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } = 
    [
        typeof(PreferenceRunOrchestrator), typeof(ReaggregateOrchestrator), typeof(AdaptiveRoundOrchestrator),
    ];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(RecordRunActivity),
        typeof(LoadDatasetActivity),
        typeof(CreateOrderActivity),
        typeof(UploadChunkActivity),
        typeof(SubmitOrderActivity),
        typeof(GetOrderStatusActivity),
        typeof(RetryOrderActivity),
        typeof(AbandonOrderActivity),
        typeof(ResumeOrderActivity),
        typeof(DownloadResultsActivity),
        typeof(WriteResultsActivity),
        typeof(RenderReportActivity),
        typeof(AddToLeaderboardActivity),
        typeof(NotifyActivity),
        typeof(PlanRoundActivity),
        typeof(CreateRoundOrderActivity),
        typeof(SubmitRoundOrderActivity),
        typeof(DownloadRoundResultsActivity),
        typeof(RecordRoundsActivity),
    ];

    /// <summary>
    /// Registers every task under its class name (what <c>nameof</c> gives at the call sites and the shims); activities
    /// wrapped in <see cref="TracedTaskActivity"/> (their span, metrics and call counts).
    /// </summary>
    public static DurableTaskRegistry AddPreferenceTasks(this DurableTaskRegistry registry)
    {
        foreach (var orchestrator in Orchestrators) registry.AddOrchestrator(orchestrator);
        foreach (var activity in Activities) registry.AddActivity(activity.Name, services => TracedTaskActivity.Create(activity, services));
        return registry;
    }

    /// <summary>Activities are transient: each execution gets its own instance with fresh dependencies.</summary>
    public static IServiceCollection AddPreferenceActivities(this IServiceCollection services)
    {
        foreach (var activity in Activities) services.AddTransient(activity);
        return services;
    }
}
