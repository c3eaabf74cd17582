using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Api;

/// <summary>
/// Body of <c>POST /api/runs</c>: the dataset folder (or the path of its matchups.csv) and optional settings that
/// override the dataset's order.json.
/// </summary>
public sealed record StartRunBody(string? Dataset, string? CsvPath, OrderSettingsOverrides? Settings);
