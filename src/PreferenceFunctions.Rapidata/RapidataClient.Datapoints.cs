using System.Runtime.CompilerServices;
using System.Text.Json;
using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>
    /// Every datapoint of a dataset (<c>GET /dataset/{datasetId}/datapoints</c>, all pages), with the file names of its
    /// assets: lets an interrupted upload find out which datapoints already exist instead of creating them twice.
    /// </summary>
    public async IAsyncEnumerable<DatapointSummary> ListDatapointsAsync(string datasetId, int pageSize = 500,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var path = $"dataset/{Segment(datasetId, nameof(datasetId))}/datapoints";
        for (var page = 1; ; page++)
        {
            var result = await SendForJsonAsync<DatapointsPageResponse>(HttpMethod.Get,
                $"{path}?page={page}&page_size={pageSize}&sort=created_at", null, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                var names = new List<string>();
                CollectFileNames(item.Asset, names);
                yield return new DatapointSummary(item.Id, names, item.Context);
            }
            if (result.Items.Count == 0 || (long)page * pageSize >= result.Total) yield break;
        }
    }

    /// <summary>The dataset an order's datapoints go into, from its pipeline's dataset artifact (<c>GET /pipeline/{id}</c>,
    /// deprecated by Rapidata but the only link from an order found by name to its dataset).</summary>
    public Task<string> GetPipelineDatasetIdAsync(string pipelineId, CancellationToken cancellationToken = default) =>
        GetPipelineArtifactIdAsync(pipelineId, "DatasetArtifactModel", "datasetId", "dataset", cancellationToken);

    /// <summary>The workflow the crowd works on for an order, from its pipeline's workflow artifact (<c>GET /pipeline/{id}</c>):
    /// the id <see cref="GetWorkflowProgressAsync"/> takes.</summary>
    public Task<string> GetPipelineWorkflowIdAsync(string pipelineId, CancellationToken cancellationToken = default) =>
        GetPipelineArtifactIdAsync(pipelineId, "WorkflowArtifactModel", "workflowId", "workflow", cancellationToken);

    /// <summary>The id property of the pipeline's first artifact of type <paramref name="artifactType"/>.</summary>
    private async Task<string> GetPipelineArtifactIdAsync(string pipelineId, string artifactType, string idProperty, string what,
        CancellationToken cancellationToken)
    {
        var pipeline = await SendForJsonAsync<PipelineResponse>(HttpMethod.Get, $"pipeline/{Segment(pipelineId, nameof(pipelineId))}", null,
            cancellationToken).ConfigureAwait(false);
        foreach (var artifact in pipeline.Artifacts.Values)
        {
            if (artifact.ValueKind == JsonValueKind.Object
                && artifact.TryGetProperty("_t", out var type) && type.ValueEquals(artifactType)
                && artifact.TryGetProperty(idProperty, out var id) && id.ValueKind == JsonValueKind.String)
                return id.GetString()!;
        }
        throw new RapidataRequestException("GET", $"/pipeline/{pipelineId}", 200, $"Pipeline has no {what} artifact",
            $"Pipeline {pipelineId} lists no {artifactType}, so its {what} id is unknown.", null, null);
    }

    /// <summary>File names of an <c>IAsset</c>: a FileAsset's <c>fileName</c>, recursively through MultiAsset <c>assets</c>.</summary>
    private static void CollectFileNames(JsonElement asset, List<string> names)
    {
        if (asset.ValueKind != JsonValueKind.Object) return;
        if (asset.TryGetProperty("fileName", out var fileName) && fileName.ValueKind == JsonValueKind.String)
            names.Add(fileName.GetString()!);
        if (asset.TryGetProperty("assets", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray()) CollectFileNames(child, names);
        }
    }
}
