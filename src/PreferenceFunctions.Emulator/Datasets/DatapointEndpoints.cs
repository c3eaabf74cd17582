using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Datasets;

/// <summary>POST /dataset/{datasetId}/datapoint: a compare pair as a MultiAssetInput of two uploaded assets (or two texts);
/// GET /dataset/{datasetId}/datapoints lists them, so an interrupted upload can resume; GET /dataset/{datasetId}/progress.</summary>
internal static class DatapointEndpoints
{
    public static void MapDatapointEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("POST", "/dataset/{datasetId}/datapoint", Create);
        routes.MapContract("GET", "/dataset/{datasetId}/datapoints", DatapointQuery.Run);
        routes.MapContract("GET", "/dataset/{datasetId}/progress", Progress);
        routes.MapContract("POST", "/dataset", CreateDataset);
        routes.MapContract("POST", "/datasets/shorten-context", ShortenContexts);
    }

    /// <summary>The dataset's upload progress: the emulator processes a datapoint within its create call, so every
    /// datapoint is ready at once and none is pending or failed. (Crowd progress is GET /workflow/{workflowId}/progress.)</summary>
    private static IResult Progress(string datasetId, EmulatorState state)
    {
        if (state.FindDataset(datasetId) is not { } dataset)
        {
            return Problems.NotFound("Dataset", datasetId);
        }

        var count = dataset.Count;
        return Results.Ok(new DatasetProgressOutput(count, count, 0, 0));
    }

    /// <summary>POST /dataset: an empty dataset of its own (the job flow), filled with datapoints, then given to a job definition.</summary>
    private static IResult CreateDataset(HttpContext context, EmulatorState state)
    {
        var name = ContractValidationMiddleware.Body(context)!["name"]!.GetValue<string>();
        var dataset = new DatasetRecord { Id = Ids.New(), Name = name };
        state.Datasets[dataset.Id] = dataset;
        state.Changed();
        return Results.Ok(new CreateDatasetOutput(dataset.Id));
    }

    /// <summary>POST /datasets/shorten-context: each context shortened deterministically (<see cref="ContextShortener"/>), in input order.</summary>
    private static IResult ShortenContexts(HttpContext context)
    {
        var items = ContractValidationMiddleware.Body(context)!["items"]!.AsArray();
        var shortened = items.Select(item => new ShortenedContextItem(ContextShortener.Shorten(item!["context"]!.GetValue<string>()))).ToList();
        return Results.Ok(new ShortenContextOutput(shortened));
    }

    private static IResult Create(string datasetId, HttpContext context, EmulatorState state)
    {
        if (state.FindDataset(datasetId) is not { } dataset)
        {
            return Problems.NotFound("Dataset", datasetId);
        }

        if (dataset.OrderId is { } orderId && state.FindOrder(orderId) is { IsLocked: true } order)
        {
            return Problems.Validation("datasetId", $"The order of this dataset is {order.State}; datapoints can only be added before it is submitted.");
        }

        var body = ContractValidationMiddleware.Body(context)!;
        var errors = new Dictionary<string, string[]>();
        if (body["context"]?.GetValue<string>() is { Length: > ContextShortener.MaxContextLength } longContext)
        {
            // The backend's CreateDatapointCommandValidator: MaximumLength(400) on the context.
            errors["$.context"] = [$"The length of 'Context' must be {ContextShortener.MaxContextLength} characters or fewer. " +
                $"You entered {longContext.Length} characters."];
        }

        var pair = CompareAssetReader.Read(body["asset"]!, "$.asset", state, errors);
        if (body["contextAsset"] is JsonNode contextAsset)
        {
            CompareAssetReader.CheckExisting(contextAsset, "$.contextAsset", state, errors);
        }

        if (pair is null || errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var metadata = body["privateMetadata"] is JsonObject map
            ? map.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>())
            : null;
        var datapoint = dataset.Add(position => new DatapointRecord(
            Ids.New(),
            position,
            body["sortIndex"]?.GetValue<long>(),
            body["context"]?.GetValue<string>(),
            pair.Value.Options,
            pair.Value.FileNames,
            metadata));
        state.Changed();
        return Results.Ok(new CreateDatapointOutput(datapoint.Id));
    }
}

/// <summary>CreateDatapointEndpoint_Output.</summary>
internal sealed record CreateDatapointOutput(string DatapointId);

/// <summary>GetDatasetProgressEndpoint_Output.</summary>
internal sealed record DatasetProgressOutput(int Total, int Ready, int Pending, int Failed);

/// <summary>CreateDatasetEndpoint_Output.</summary>
internal sealed record CreateDatasetOutput(string DatasetId);

/// <summary>ShortenContextEndpoint_Output.</summary>
internal sealed record ShortenContextOutput(IReadOnlyList<ShortenedContextItem> Items);

/// <summary>ShortenContextEndpoint_OutputItem.</summary>
internal sealed record ShortenedContextItem(string ShortenedContext);
