using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Input of one run. Timing values travel with the run (not read from options inside the orchestrator) so the
/// orchestration stays deterministic and tests can shrink them.
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
    OrderAbandonAction OnAbandon = OrderAbandonAction.Pause);
