using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Input of one run. Timing values travel with the run (not read from options inside the orchestrator) so the
/// orchestration stays deterministic and tests can shrink them. <see cref="Submitted"/> and <see cref="Waiting"/> are set
/// when the run continues as new during the wait, or is resumed: the run then starts at the wait.
/// </summary>
public sealed record RunRequest(
    string RunId,
    string DatasetsContainer,
    string DatasetFolder,
    string RunsContainer,
    OrderSettingsOverrides? Overrides,
    TimeSpan PollInterval,
    TimeSpan MaxPollInterval,
    TimeSpan Deadline,
    int UploadConcurrency,
    OrderAbandonAction OnAbandon = OrderAbandonAction.Pause,
    SubmittedOrder? Submitted = null,
    CrowdWaitState? Waiting = null)
{
    /// <summary>A new run of <paramref name="datasetFolder"/> with the configured timings.</summary>
    public static RunRequest For(string runId, string container, string datasetFolder, OrderSettingsOverrides? overrides,
        PreferenceOptions settings) =>
        new(runId, container, datasetFolder, settings.RunsContainer, overrides, settings.PollInterval, settings.MaxPollInterval,
            settings.Deadline, settings.UploadConcurrency, settings.OnAbandon);
}
