using PreferenceFunctions.Pipeline.Datasets.Settings;

namespace PreferenceFunctions.Pipeline.Datasets;

/// <summary>Stage <c>{DatasetsContainer}/{DatasetFolder}/</c> for run <see cref="RunId"/>, writing under <c>{RunsContainer}/{RunId}/</c>.</summary>
public sealed record StageDatasetRequest(
    string DatasetsContainer,
    string DatasetFolder,
    string RunId,
    string RunsContainer = "runs",
    OrderSettingsOverrides? OrderSettingsOverrides = null);
