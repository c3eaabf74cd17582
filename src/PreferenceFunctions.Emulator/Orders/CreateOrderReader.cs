using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Orders;

/// <summary>Reads a schema-valid CreateOrder body into an order, rejecting what the emulator cannot simulate (with the field).</summary>
internal static class CreateOrderReader
{
    private const string UnsureFlag = "compare_unsure";

    public static (OrderRecord? Order, Dictionary<string, string[]> Errors) Read(JsonNode body, EmulatorState state, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var workflow = body["workflow"]!;
        var blueprint = workflow["blueprint"];
        if (workflow["_t"]!.GetValue<string>() != "SimpleWorkflow")
        {
            errors["$.workflow._t"] = ["The emulator simulates compare orders only: use a SimpleWorkflow with a CompareBlueprint."];
        }
        else if (blueprint?["_t"]?.GetValue<string>() != "CompareBlueprint")
        {
            errors["$.workflow.blueprint._t"] = ["The emulator simulates compare orders only: use a CompareBlueprint."];
        }

        var referee = ReadReferee(body["referee"]!, errors);
        var validationSetId = body["validationSetId"]?.GetValue<string>();
        if (validationSetId is not null && !state.ValidationSets.ContainsKey(validationSetId))
        {
            errors["$.validationSetId"] = [$"Validation set '{validationSetId}' does not exist."];
        }

        var precedingOrderId = body["precedingOrderId"]?.GetValue<string>();
        if (precedingOrderId is not null && state.FindOrder(precedingOrderId) is null)
        {
            errors["$.precedingOrderId"] = [$"Order '{precedingOrderId}' does not exist."];
        }

        if (errors.Count > 0 || referee is null)
        {
            return (null, errors);
        }

        var flags = Flags(body["rapidFeatureFlags"]).Concat(Flags(body["campaignFeatureFlags"]))
            .Concat(Flags(body["featureFlags"])).Concat(Flags(workflow["featureFlags"])).ToList();
        var order = new OrderRecord
        {
            Id = Ids.New(),
            Name = body["orderName"]!.GetValue<string>(),
            DatasetId = Ids.New(),
            PipelineId = Ids.New(),
            CampaignId = Ids.New(),
            WorkflowId = Ids.New(),
            CreatedAt = now,
            Criteria = blueprint!["criteria"]!.GetValue<string>(),
            IndexIdentifiers = blueprint["indexIdentifiers"] is JsonArray names ? [.. names.Select(n => n!.GetValue<string>())] : null,
            Referee = referee,
            AllowUnsure = flags.Any(f => f.Key == UnsureFlag),
            RapidFeatureFlags = flags,
            ValidationSetId = validationSetId,
            PrecedingOrderId = precedingOrderId,
        };
        return (order, errors);
    }

    internal static RefereeSpec? ReadReferee(JsonNode referee, Dictionary<string, string[]> errors)
    {
        var kind = referee["_t"]!.GetValue<string>();
        var votes = referee[kind == RefereeSpec.Naive ? "totalVotes" : "maxVotes"]?.GetValue<int>() ?? 0;
        var field = kind == RefereeSpec.Naive ? "$.referee.totalVotes" : "$.referee.maxVotes";
        if (kind is not (RefereeSpec.Naive or RefereeSpec.Quorum or RefereeSpec.EarlyStopping))
        {
            errors["$.referee._t"] = [$"The emulator supports NaiveReferee, QuorumReferee and EarlyStoppingReferee, not {kind}."];
            return null;
        }

        if (votes is < 1 or > 1000)
        {
            errors[field] = ["Must be between 1 and 1000."];
            return null;
        }

        var threshold = referee["threshold"]?.GetValue<double>() ?? 0;
        if (kind == RefereeSpec.Quorum && (threshold < 1 || threshold > votes))
        {
            errors["$.referee.threshold"] = ["A quorum threshold must be between 1 and maxVotes."];
            return null;
        }

        if (kind == RefereeSpec.EarlyStopping && threshold is <= 0.5 or > 1)
        {
            errors["$.referee.threshold"] = ["An early-stopping threshold is a confidence above 0.5 and at most 1."];
            return null;
        }

        return new RefereeSpec(kind, votes, threshold);
    }

    internal static IEnumerable<KeyValuePair<string, string>> Flags(JsonNode? flags) =>
        flags is JsonArray array
            ? array.Select(f => KeyValuePair.Create(f!["key"]!.GetValue<string>(), f["value"]!.GetValue<string>()))
            : [];
}
