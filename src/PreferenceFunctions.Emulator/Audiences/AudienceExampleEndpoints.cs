using System.Globalization;
using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Datasets;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Audiences;

/// <summary>
/// An audience's qualification examples (audience.openapi.json): POST /audience/{id}/example stores a compare example of two
/// uploaded assets with the asset that is right (its truth), GET /audience/{id}/examples lists them by sort index.
/// </summary>
internal static class AudienceExampleEndpoints
{
    private static readonly string[] SortFields = ["sort_index", "-sort_index"];

    public static void MapAudienceExampleEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("POST", "/audience/{audienceId}/example", Add);
        routes.MapContract("GET", "/audience/{audienceId}/examples", List);
    }

    private static IResult Add(string audienceId, HttpContext context, EmulatorState state)
    {
        if (!state.Audiences.TryGetValue(audienceId, out var audience)) return Problems.NotFound("Audience", audienceId);
        var body = ContractValidationMiddleware.Body(context)!;
        var errors = new Dictionary<string, string[]>();
        var pair = CompareAssetReader.Read(body["asset"]!, "$.asset", state, errors);
        if (body["payload"]!["_t"]!.GetValue<string>() != "CompareExamplePayload")
            errors["$.payload._t"] = ["The emulator supports compare examples only (CompareExamplePayload)."];
        var winner = body["truth"]?["winnerId"]?.GetValue<string>();
        if (pair is { } p && (winner is null || !p.FileNames.Contains(winner)))
            errors["$.truth.winnerId"] = ["The truth must name one of the example's two assets."];
        if (pair is null || errors.Count > 0) return Problems.Validation(errors);
        lock (audience.Examples)
        {
            var sortIndex = body["sortIndex"]?.GetValue<int>() ?? (audience.Examples.Count == 0 ? 0 : audience.Examples.Max(e => e.SortIndex) + 1);
            audience.Examples.Add(new AudienceExampleRecord(Ids.New(), pair.Value.FileNames, body["payload"]!["criteria"]!.GetValue<string>(),
                winner!, body["context"]?.GetValue<string>(), sortIndex, body["randomCorrectProbability"]!.GetValue<double>()));
        }

        state.Changed();
        return Results.Ok(new JsonObject { ["recalculationId"] = Ids.New() });
    }

    private static IResult List(string audienceId, HttpRequest request, EmulatorState state)
    {
        if (!state.Audiences.TryGetValue(audienceId, out var audience)) return Problems.NotFound("Audience", audienceId);
        var errors = new Dictionary<string, string[]>();
        var page = PositiveInt(request, "page", 1, errors);
        var pageSize = PositiveInt(request, "page_size", 10, errors);
        var sort = request.Query["sort"].ToString() is { Length: > 0 } given ? given : "sort_index";
        if (!SortFields.Contains(sort)) errors["sort"] = [$"'{sort}' is not one of {string.Join(", ", SortFields)}."];
        if (errors.Count > 0) return Problems.Validation(errors);

        AudienceExampleRecord[] all;
        lock (audience.Examples) all = [.. audience.Examples];
        var sorted = sort.StartsWith('-') ? all.OrderByDescending(e => e.SortIndex) : all.OrderBy(e => e.SortIndex);
        var items = sorted.Skip((page - 1) * pageSize).Take(pageSize).Select(e => Item(e, state)).ToList();
        return Results.Ok(new JsonObject
        {
            ["total"] = all.Length,
            ["page"] = page,
            ["pageSize"] = pageSize,
            ["items"] = new JsonArray([.. items]),
            ["totalPages"] = (int)Math.Ceiling(all.Length / (double)pageSize),
        });
    }

    private static JsonObject Item(AudienceExampleRecord example, EmulatorState state) => new()
    {
        ["id"] = example.Id,
        ["asset"] = new JsonObject
        {
            ["_t"] = "MultiAsset",
            ["assets"] = new JsonArray([.. example.AssetFileNames.Select(name => DatapointQuery.FileAsset(name, state))]),
            ["metadata"] = new JsonObject(),
            ["identifier"] = example.Id,
        },
        ["payload"] = new JsonObject { ["_t"] = "CompareExamplePayload", ["criteria"] = example.Criteria },
        ["correctCount"] = 0,
        ["incorrectCount"] = 0,
        ["truth"] = new JsonObject { ["_t"] = "CompareExampleTruth", ["winnerId"] = example.WinnerId },
        ["context"] = example.Context,
        ["randomCorrectProbability"] = example.RandomCorrectProbability,
        ["sortIndex"] = example.SortIndex,
        ["visibility"] = "Private",
    };

    private static int PositiveInt(HttpRequest request, string name, int fallback, Dictionary<string, string[]> errors)
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
            errors[name] = [$"'{raw}' is not a positive integer."];
        return value;
    }
}
