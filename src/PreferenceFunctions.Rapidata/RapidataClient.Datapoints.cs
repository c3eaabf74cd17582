using System.Runtime.CompilerServices;
using System.Text.Json;
using PreferenceFunctions.Rapidata.Models;

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
        var path = $"dataset/{Segment(datasetId, nameof(datasetId))}/datapoints";
        for (var page = 1; ; page++)
        {
            var result = await SendForJsonAsync<JsonElement>(HttpMethod.Get, $"{path}?page={page}&page_size={pageSize}&sort=created_at",
                null, cancellationToken).ConfigureAwait(false);
            var items = result.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                var names = new List<string>();
                if (item.TryGetProperty("asset", out var asset)) CollectFileNames(asset, names);
                var context = item.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                yield return new DatapointSummary(item.GetProperty("id").GetString()!, names, context);
            }
            var total = result.GetProperty("total").GetInt64();
            if (items.GetArrayLength() == 0 || (long)page * pageSize >= total) yield break;
        }
    }

    /// <summary>The dataset an order's datapoints go into, from its pipeline's dataset artifact (<c>GET /pipeline/{id}</c>).</summary>
    public async Task<string> GetPipelineDatasetIdAsync(string pipelineId, CancellationToken cancellationToken = default)
    {
        var pipeline = await SendForJsonAsync<JsonElement>(HttpMethod.Get, $"pipeline/{Segment(pipelineId, nameof(pipelineId))}", null,
            cancellationToken).ConfigureAwait(false);
        foreach (var artifact in pipeline.GetProperty("artifacts").EnumerateObject())
        {
            if (artifact.Value.TryGetProperty("_t", out var type) && type.GetString() == "DatasetArtifactModel")
                return artifact.Value.GetProperty("datasetId").GetString()!;
        }
        throw new RapidataRequestException("GET", $"/pipeline/{pipelineId}", 200, "Pipeline has no dataset artifact",
            $"Pipeline {pipelineId} lists no DatasetArtifactModel, so its dataset id is unknown.", null, null);
    }

    private static void CollectFileNames(JsonElement asset, List<string> names)
    {
        if (asset.TryGetProperty("fileName", out var fileName) && fileName.ValueKind == JsonValueKind.String)
            names.Add(fileName.GetString()!);
        if (asset.TryGetProperty("assets", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray()) CollectFileNames(child, names);
        }
    }
}
