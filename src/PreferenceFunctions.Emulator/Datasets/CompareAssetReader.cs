using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Datasets;

/// <summary>Reads the two options of a compare datapoint or validation rapid from a schema-valid IAssetInput.</summary>
internal static class CompareAssetReader
{
    /// <returns>The options' result keys (original file names, or texts) and the uploaded file names; null when invalid.</returns>
    public static (string[] Options, string[] FileNames)? Read(JsonNode asset, string field, EmulatorState state, Dictionary<string, string[]> errors)
    {
        if (asset["_t"]!.GetValue<string>() != "MultiAssetInput" || asset["assets"] is not JsonArray { Count: 2 } parts)
        {
            errors[field] = ["A compare datapoint needs a MultiAssetInput with exactly two assets."];
            return null;
        }

        var options = new string[2];
        var fileNames = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var part = parts[i]!;
            var partField = $"{field}.assets[{i}]";
            switch (part["_t"]!.GetValue<string>())
            {
                case "ExistingAssetInput":
                    var name = part["name"]!.GetValue<string>();
                    if (!state.Assets.TryGetValue(name, out var stored))
                    {
                        errors[$"{partField}.name"] = [$"No uploaded asset is named '{name}'; use the fileName POST /asset/file returned."];
                        continue;
                    }

                    options[i] = stored.OriginalName;
                    fileNames.Add(name);
                    break;
                case "TextAssetInput":
                    options[i] = part["text"]!.GetValue<string>();
                    break;
                default:
                    errors[$"{partField}._t"] = ["Each option must be an ExistingAssetInput or a TextAssetInput."];
                    break;
            }
        }

        if (errors.Count == 0 && string.Equals(options[0], options[1], StringComparison.Ordinal))
        {
            errors[$"{field}.assets[1]"] = [$"Both options are '{options[0]}'; results are keyed by original file name (or text), so they must differ."];
        }

        if (errors.Count == 0 && fileNames.Count == 1)
        {
            errors[field] = ["Both options must be uploaded assets, or both texts."];
        }

        return errors.Count == 0 ? (options, [.. fileNames]) : null;
    }

    /// <summary>Checks every ExistingAssetInput inside a (context) asset names an uploaded file.</summary>
    public static void CheckExisting(JsonNode asset, string field, EmulatorState state, Dictionary<string, string[]> errors)
    {
        if (asset["_t"]!.GetValue<string>() == "ExistingAssetInput" && !state.Assets.ContainsKey(asset["name"]!.GetValue<string>()))
        {
            errors[$"{field}.name"] = [$"No uploaded asset is named '{asset["name"]}'."];
        }

        if (asset["assets"] is JsonArray parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                CheckExisting(parts[i]!, $"{field}.assets[{i}]", state, errors);
            }
        }
    }
}
