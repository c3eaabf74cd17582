using System.Globalization;
using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Datasets;

/// <summary>GET /dataset/{datasetId}/datapoints: a page of datapoints with their assets, sorted by created_at or id.</summary>
internal static class DatapointQuery
{
    private static readonly string[] SortFields = ["created_at", "-created_at", "id", "-id"];

    public static IResult Run(string datasetId, HttpRequest request, EmulatorState state)
    {
        if (state.FindDataset(datasetId) is not { } dataset)
        {
            return Problems.NotFound("Dataset", datasetId);
        }

        var errors = new Dictionary<string, string[]>();
        var page = PositiveInt(request, "page", 1, errors);
        var pageSize = PositiveInt(request, "page_size", 10, errors);
        var sort = request.Query["sort"].ToString() is { Length: > 0 } given ? given : "created_at";
        if (!SortFields.Contains(sort))
        {
            errors["sort"] = [$"'{sort}' is not one of {string.Join(", ", SortFields)}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        DatapointRecord[] all;
        lock (dataset.Datapoints)
        {
            all = [.. dataset.Datapoints];
        }

        IEnumerable<DatapointRecord> sorted = sort.TrimStart('-') == "id"
            ? all.OrderBy(d => d.Id, StringComparer.Ordinal)
            : all.OrderBy(d => d.Position);
        if (sort.StartsWith('-'))
        {
            sorted = sorted.Reverse();
        }

        var items = sorted.Skip((page - 1) * pageSize).Take(pageSize).Select(d => Item(d, dataset.Id, state)).ToList();
        return Results.Ok(new JsonObject
        {
            ["total"] = all.Length,
            ["page"] = page,
            ["pageSize"] = pageSize,
            ["items"] = new JsonArray([.. items]),
            ["totalPages"] = (int)Math.Ceiling(all.Length / (double)pageSize),
        });
    }

    private static JsonObject Item(DatapointRecord datapoint, string datasetId, EmulatorState state)
    {
        var assets = new JsonArray();
        for (var i = 0; i < datapoint.Options.Length; i++)
        {
            assets.Add(datapoint.AssetFileNames.Length > i ? FileAsset(datapoint.AssetFileNames[i], state) : TextAsset(datapoint.Options[i]));
        }

        return new JsonObject
        {
            ["id"] = datapoint.Id,
            ["datasetId"] = datasetId,
            ["asset"] = new JsonObject { ["_t"] = "MultiAsset", ["assets"] = assets, ["metadata"] = new JsonObject(), ["identifier"] = datapoint.Id },
            ["context"] = datapoint.Context,
        };
    }

    public static JsonObject FileAsset(string fileName, EmulatorState state) => new()
    {
        ["_t"] = "FileAsset",
        ["fileName"] = fileName,
        ["metadata"] = state.Assets.TryGetValue(fileName, out var asset)
            ? new JsonObject { ["originalFilename"] = new JsonObject { ["_t"] = "OriginalFilenameMetadata", ["originalFilename"] = asset.OriginalName } }
            : new JsonObject(),
        ["identifier"] = fileName,
    };

    private static JsonObject TextAsset(string text) => new()
    {
        ["_t"] = "TextAsset", ["text"] = text, ["metadata"] = new JsonObject(), ["identifier"] = text,
    };

    private static int PositiveInt(HttpRequest request, string name, int fallback, Dictionary<string, string[]> errors)
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            errors[name] = [$"'{raw}' is not a positive integer."];
        }

        return value;
    }
}
