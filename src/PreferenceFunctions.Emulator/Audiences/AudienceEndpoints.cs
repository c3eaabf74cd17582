using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Jobs;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Audiences;

/// <summary>
/// The audience calls the job flow uses (audience.openapi.json): GET /audience/{id} (the built-in <c>global</c> audience
/// and created ones), POST /audience with filters and a task-accuracy graduation rule, POST /audience/{id}/example
/// and GET /audience/{id}/examples (AudienceExampleEndpoints), POST /audience/{id}/recruit, and GET /audiences (the created
/// ones, filtered and sorted like the other list endpoints) to find an audience again by name.
/// </summary>
internal static class AudienceEndpoints
{
    public const string GlobalId = "global";

    public static void MapAudienceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("GET", "/audience/{audienceId}", Get);
        routes.MapContract("POST", "/audience", Create);
        routes.MapContract("POST", "/audience/{audienceId}/recruit", Recruit);
        routes.MapAudienceExampleEndpoints();
        routes.MapContract("GET", "/audiences", (HttpRequest request, EmulatorState state) => ListQuery.Run(request, state.Audiences.Values,
            AudienceField, (items, total, page, size) => new PagedOutput<AudienceListItem>(total, page, size,
                [.. items.Select(a => new AudienceListItem(a.Id, a.Name, a.Status, a.Status == "Ready" ? 500 : 0, a.Filters, a.CreatedAt,
                    Owner.Mail, Owner.Organization, false, false, new GraduationRuleOutput("TaskAccuracy", a.TargetAccuracy, a.MinTasks)))],
                (int)Math.Ceiling(total / (double)size))));
    }

    private static string? AudienceField(AudienceRecord a, string field) => field switch
    {
        "id" => a.Id,
        "name" => a.Name,
        "status" => a.Status,
        "created_at" => ListQuery.Date(a.CreatedAt),
        _ => null,
    };

    public static bool Exists(EmulatorState state, string audienceId) => audienceId == GlobalId || state.Audiences.ContainsKey(audienceId);

    public static string? NameOf(EmulatorState state, string audienceId) =>
        audienceId == GlobalId ? "Global" : state.Audiences.GetValueOrDefault(audienceId)?.Name;

    private static IResult Get(string audienceId, EmulatorState state)
    {
        var audience = audienceId == GlobalId
            ? new AudienceRecord { Id = GlobalId, Name = "Global", CreatedAt = DateTimeOffset.UnixEpoch, Status = "Ready" }
            : state.Audiences.GetValueOrDefault(audienceId);
        if (audience is null) return Problems.NotFound("Audience", audienceId);
        var qualified = audience.Id == GlobalId ? 100_000 : audience.Status == "Ready" ? 500 : 0;
        return Results.Ok(new AudienceOutput(audience.Id, audience.Id, audience.Name, audience.Status, qualified, audience.Filters,
            audience.CreatedAt, Owner.Id, Owner.Mail, Owner.Organization, audience.Id == GlobalId, false, audience.Id,
            new GraduationRuleOutput("TaskAccuracy", audience.TargetAccuracy, audience.MinTasks), "Random", "None"));
    }

    private static IResult Create(HttpContext context, EmulatorState state, TimeProvider clock)
    {
        var body = ContractValidationMiddleware.Body(context)!;
        var rule = body["graduationRule"];
        if (rule is not null && rule["_t"]!.GetValue<string>() != "TaskAccuracy")
            return Problems.Validation("$.graduationRule._t", "The emulator supports the TaskAccuracy graduation rule only.");
        var audience = new AudienceRecord
        {
            Id = Ids.New(),
            Name = body["name"]!.GetValue<string>(),
            CreatedAt = clock.GetUtcNow(),
            Filters = body["filters"] is JsonArray filters ? [.. filters.Select(f => f!.AsObject().DeepClone().AsObject())] : [],
            TargetAccuracy = rule?["targetAccuracy"]?.GetValue<double>() ?? 0.75,
            MinTasks = rule?["minTasks"]?.GetValue<int>() ?? 10,
        };
        state.Audiences[audience.Id] = audience;
        state.Changed();
        return Results.Ok(new CreatedAudienceOutput(audience.Id));
    }

    /// <summary>Recruiting: the emulator's crowd qualifies at once, so the audience is Ready.</summary>
    private static IResult Recruit(string audienceId, EmulatorState state)
    {
        if (!state.Audiences.TryGetValue(audienceId, out var audience)) return Problems.NotFound("Audience", audienceId);
        audience.Status = "Ready";
        state.Changed();
        return Results.NoContent();
    }
}

/// <summary>GetAudienceByIdEndpoint_Output.</summary>
internal sealed record AudienceOutput(
    string Id, string BaseAudienceId, string Name, string Status, long QualifiedUserCount, IReadOnlyList<JsonObject> Filters,
    DateTimeOffset CreatedAt, string OwnerId, string OwnerMail, string OrganizationId, bool IsPublic, bool IsDistilling,
    string DistillingCampaignId, GraduationRuleOutput GraduationRule, string DistillingRetrievalMode, string BoostLevel);

/// <summary>IGraduationRuleTaskAccuracyRule.</summary>
internal sealed record GraduationRuleOutput(
    [property: System.Text.Json.Serialization.JsonPropertyName("_t")] string Type, double TargetAccuracy, int MinTasks);

/// <summary>QueryAudiencesEndpoint_Output.</summary>
internal sealed record AudienceListItem(
    string Id, string Name, string Status, long QualifiedUserCount, IReadOnlyList<JsonObject> Filters, DateTimeOffset CreatedAt,
    string OwnerMail, string OrganizationId, bool IsPublic, bool IsDistilling, GraduationRuleOutput GraduationRule);

/// <summary>CreateAudienceEndpoint_Output.</summary>
internal sealed record CreatedAudienceOutput(string AudienceId);

