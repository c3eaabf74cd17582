using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Datasets;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.ValidationSets;

/// <summary>Validation sets: create, get, and add compare rapids (validation.openapi.json).</summary>
internal static class ValidationSetEndpoints
{
    public static void MapValidationSetEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("POST", "/validation-set", Create);
        routes.MapContract("GET", "/validation-set/{validationSetId}", Get);
        routes.MapContract("POST", "/validation-set/{validationSetId}/rapid", AddRapid);
    }

    private static IResult Create(HttpContext context, EmulatorState state, TimeProvider clock)
    {
        var body = ContractValidationMiddleware.Body(context)!;
        var set = new ValidationSetRecord { Id = Ids.New(), Name = body["name"]!.GetValue<string>(), CreatedAt = clock.GetUtcNow() };
        state.ValidationSets[set.Id] = set;
        state.Changed();
        return Results.Ok(new CreateValidationSetOutput(set.Id));
    }

    private static IResult Get(string validationSetId, EmulatorState state, EmulatorOptions options) =>
        state.ValidationSets.TryGetValue(validationSetId, out var set)
            ? Results.Ok(new ValidationSetOutput(set.Id, set.Name, false, options.CustomerMail, "emulator-organization", set.OwnerId, [], set.CreatedAt))
            : Problems.NotFound("Validation set", validationSetId);

    private static IResult AddRapid(string validationSetId, HttpContext context, EmulatorState state)
    {
        if (!state.ValidationSets.TryGetValue(validationSetId, out var set))
        {
            return Problems.NotFound("Validation set", validationSetId);
        }

        var body = ContractValidationMiddleware.Body(context)!;
        var errors = new Dictionary<string, string[]>();
        var pair = CompareAssetReader.Read(body["asset"]!, "$.asset", state, errors);
        var winnerId = body["truth"]?["winnerId"]?.GetValue<string>();
        if (body["payload"]!["_t"]!.GetValue<string>() != "ComparePayload")
        {
            errors["$.payload._t"] = ["The emulator supports compare validation rapids (ComparePayload) only."];
        }

        if (body["truth"] is { } truth && truth["_t"]!.GetValue<string>() != "CompareTruth")
        {
            errors["$.truth._t"] = ["A compare validation rapid needs a CompareTruth."];
        }
        else if (pair is { } options && winnerId is not null && !options.FileNames.Contains(winnerId) && !options.Options.Contains(winnerId))
        {
            errors["$.truth.winnerId"] = [$"'{winnerId}' is not one of the rapid's two assets."];
        }

        if (pair is null || errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        lock (set.Rapids)
        {
            set.Rapids.Add(new ValidationRapidRecord(pair.Value.FileNames, winnerId, body["context"]?.GetValue<string>()));
        }

        state.Changed();
        return Results.NoContent();
    }
}

/// <summary>CreateValidationSetEndpoint_Output.</summary>
internal sealed record CreateValidationSetOutput(string ValidationSetId);

/// <summary>GetValidationSetByIdEndpoint_Output.</summary>
internal sealed record ValidationSetOutput(
    string Id, string Name, bool IsPublic, string OwnerMail, string OrganizationId, string OwnerId, string[] Dimensions, DateTimeOffset CreatedAt);
