using PreferenceFunctions.Emulator.Aggregation;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Orders;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Pipelines;

/// <summary>The (deprecated) pipeline endpoints: the artifacts lookup and the preliminary download of partial results.</summary>
internal static class PipelineEndpoints
{
    public static void MapPipelineEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("GET", "/pipeline/{pipelineId}", Get);
        routes.MapContract("POST", "/pipeline/{pipelineId}/preliminary-download", StartDownload);
        routes.MapContract("GET", "/pipeline/preliminary-download/{preliminaryDownloadId}", GetDownloadAsync);
    }

    private static IResult Get(string pipelineId, EmulatorState state)
    {
        if (state.OrderByPipeline(pipelineId) is not { } order)
        {
            return Problems.NotFound("Pipeline", pipelineId);
        }

        var artifacts = new Dictionary<string, object>
        {
            ["campaign-artifact"] = new { _t = "CampaignArtifactModel", campaignId = order.CampaignId, identifier = "campaign-artifact" },
            ["workflow-artifact"] = new { _t = "WorkflowArtifactModel", workflowId = order.WorkflowId, identifier = "workflow-artifact" },
            ["dataset-artifact"] = new { _t = "DatasetArtifactModel", datasetId = order.DatasetId, identifier = "dataset-artifact" },
        };
        var flags = order.RapidFeatureFlags.Select(f => new { key = f.Key, value = f.Value });
        return Results.Ok(new { artifacts, featureFlags = flags });
    }

    private static IResult StartDownload(string pipelineId, EmulatorState state, OrderLifecycle lifecycle)
    {
        if (state.OrderByPipeline(pipelineId) is not { } order)
        {
            return Problems.NotFound("Pipeline", pipelineId);
        }

        lifecycle.Refresh(order);
        if (order.State is OrderStates.Created or OrderStates.Preview)
        {
            return Problems.Validation("pipelineId", $"The order is {order.State}; preliminary results exist once it is submitted.");
        }

        var download = new PreliminaryDownload { Id = Ids.New(), OrderId = order.Id, CollectedVotes = lifecycle.CollectedVotes(order, lifecycle.Now) };
        state.PreliminaryDownloads[download.Id] = download;
        return Results.Ok(new { downloadId = download.Id });
    }

    private static async Task GetDownloadAsync(string preliminaryDownloadId, HttpContext context, EmulatorState state, ResultsDocumentWriter writer)
    {
        if (!state.PreliminaryDownloads.TryGetValue(preliminaryDownloadId, out var download) || state.FindOrder(download.OrderId) is not { } order)
        {
            await Problems.NotFound("Preliminary download", preliminaryDownloadId).ExecuteAsync(context);
            return;
        }

        if (Interlocked.Increment(ref download.PollCount) == 1)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        context.Response.ContentType = "application/json";
        await writer.WriteAsync(context.Response.Body, order, download.CollectedVotes, asJsonString: true, context.RequestAborted);
    }
}
