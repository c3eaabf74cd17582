using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Rounds;

namespace PreferenceFunctions.Pipeline.Runs.Rounds;

/// <summary>
/// Input of one follow-up round (<see cref="AdaptiveRoundOrchestrator"/>): what to top up (<see cref="Plan"/>), where the
/// dataset is, the run's timings and deadline. <see cref="Submitted"/> and <see cref="Waiting"/> are set when the round
/// continues as new during its wait, like the run itself.
/// </summary>
public sealed record RoundRequest(
    string RunId,
    RoundPlan Plan,
    string DatasetsContainer,
    string DatasetFolder,
    string RunsContainer,
    TimeSpan PollInterval,
    TimeSpan MaxPollInterval,
    DateTime Deadline,
    OrderAbandonAction OnAbandon,
    SubmittedOrder? Submitted = null,
    CrowdWaitState? Waiting = null)
{
    /// <summary>The round's instance id: fixed per run and round, so a replayed parent finds the same child.</summary>
    public static string InstanceIdFor(string runId, int round) => $"{runId}-round-{round:D2}";
}
