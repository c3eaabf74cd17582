using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>Stage <c>{DatasetsContainer}/{DatasetFolder}/</c> for run <see cref="RunId"/>, writing under <c>{RunsContainer}/{RunId}/</c>.</summary>
public sealed record StageDatasetRequest(
    string DatasetsContainer,
    string DatasetFolder,
    string RunId,
    string RunsContainer = "runs",
    OrderSettingsOverrides? OrderSettingsOverrides = null) : IRunInput;
