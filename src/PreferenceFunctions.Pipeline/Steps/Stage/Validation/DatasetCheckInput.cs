using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Everything a check needs, whatever the store: a display name ("datasets/my-set" or a local path), the folder name
/// (default order name), the image index, how to read image bytes, order.json's text if present, request overrides;
/// <see cref="CsvRefused"/> when matchups.csv exists but was not read (over its size cap, already reported).
/// </summary>
internal sealed record DatasetCheckInput(
    string Dataset,
    string DatasetFolder,
    ImageIndex Images,
    IReadOnlyDictionary<ImageSource, IImageContentSource> Content,
    string? OrderJson,
    OrderSettingsOverrides? Request,
    PreferenceOptions Defaults,
    bool CsvRefused = false);
