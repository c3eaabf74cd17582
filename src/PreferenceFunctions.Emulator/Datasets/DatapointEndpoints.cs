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

    private static IResult Create(string datasetId, HttpContext context, EmulatorState state)
    {
        if (state.FindDataset(datasetId) is not { } dataset)
        {
            return Problems.NotFound("Dataset", datasetId);
        }

        if (state.FindOrder(dataset.OrderId) is { IsLocked: true } order)
        {
            return Problems.Validation("datasetId", $"The order of this dataset is {order.State}; datapoints can only be added before it is submitted.");
        }

        var body = ContractValidationMiddleware.Body(context)!;
        var errors = new Dictionary<string, string[]>();
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
