using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>The compare-order flow of rapidata-api.md section 2, step by step, over raw HTTP.</summary>
internal static class CompareOrders
{
    public static readonly object NaiveReferee15 = new JsonObject { ["_t"] = "NaiveReferee", ["totalVotes"] = 15 };

    public static JsonObject CreateOrderBody(string name, JsonNode? referee = null, bool allowUnsure = false, string? validationSetId = null) => new()
    {
        ["orderName"] = name,
        ["workflow"] = new JsonObject
        {
            ["_t"] = "SimpleWorkflow",
            ["blueprint"] = new JsonObject { ["_t"] = "CompareBlueprint", ["criteria"] = "Which image fits the prompt better?", ["indexIdentifiers"] = null },
        },
        ["referee"] = referee ?? new JsonObject { ["_t"] = "NaiveReferee", ["totalVotes"] = 15 },
        ["userFilters"] = new JsonArray(),
        ["validationSetId"] = validationSetId,
        ["rapidFeatureFlags"] = allowUnsure ? new JsonArray(new JsonObject { ["key"] = "compare_unsure", ["value"] = "1000" }) : null,
        ["selections"] = null,
        ["priority"] = null,
        ["stickyConfig"] = null,
    };

    public static async Task<(string OrderId, string DatasetId, string PipelineId)> CreateAsync(ApiClient api, JsonObject body)
    {
        var created = await api.OkAsync("POST", "/order", "/order", body);
        return (created["orderId"]!.GetValue<string>(), created["datasetId"]!.GetValue<string>(), created["pipelineId"]!.GetValue<string>());
    }

    public static async Task<string> UploadAsync(ApiClient api, string originalName, byte[]? bytes = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes ?? Encoding.UTF8.GetBytes("image bytes of " + originalName));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", originalName);
        var uploaded = await api.OkAsync("POST", "/asset/file", "/asset/file", form);
        return uploaded["fileName"]!.GetValue<string>();
    }

    public static JsonObject DatapointBody(string fileA, string fileB, long sortIndex, string? context = null, JsonObject? metadata = null) => new()
    {
        ["asset"] = new JsonObject
        {
            ["_t"] = "MultiAssetInput",
            ["assets"] = new JsonArray(
                new JsonObject { ["_t"] = "ExistingAssetInput", ["name"] = fileA },
                new JsonObject { ["_t"] = "ExistingAssetInput", ["name"] = fileB }),
        },
        ["context"] = context,
        ["sortIndex"] = sortIndex,
        ["privateMetadata"] = metadata,
        ["group"] = null,
        ["transcription"] = null,
    };

    /// <summary>Uploads both images of every pair and creates one datapoint per pair (sortIndex = position, metadata pair=i).</summary>
    public static async Task AddPairsAsync(ApiClient api, string datasetId, IReadOnlyList<(string A, string B)> pairs)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            var a = await UploadAsync(api, pairs[i].A);
            var b = await UploadAsync(api, pairs[i].B);
            var metadata = new JsonObject { ["pair"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            await api.OkAsync("POST", "/dataset/{datasetId}/datapoint", $"/dataset/{datasetId}/datapoint", DatapointBody(a, b, i, $"prompt {i}", metadata));
        }
    }

    public static async Task<string> StateAsync(ApiClient api, string orderId) =>
        (await api.OkAsync("GET", "/order/{orderId}", $"/order/{orderId}"))["state"]!.GetValue<string>();

    public static Task<string> WaitForStateAsync(ApiClient api, string orderId, string state, int timeoutSeconds = 30) =>
        Eventually.GetAsync(() => StateAsync(api, orderId), s => s == state, TimeSpan.FromSeconds(timeoutSeconds), $"order {orderId} to be {state}");

    public static async Task<JsonNode> DownloadResultsAsync(ApiClient api, string orderId) =>
        (await api.SendAsync("GET", "/order/{orderId}/download-results", $"/order/{orderId}/download-results")).Json;

    /// <summary>Creates, fills, previews and submits an order; returns its ids.</summary>
    public static async Task<(string OrderId, string DatasetId, string PipelineId)> SubmitNewAsync(
        ApiClient api, JsonObject body, IReadOnlyList<(string A, string B)> pairs)
    {
        var ids = await CreateAsync(api, body);
        await AddPairsAsync(api, ids.DatasetId, pairs);
        await api.NoContentAsync("POST", "/order/{orderId}/preview", $"/order/{ids.OrderId}/preview");
        await api.NoContentAsync("POST", "/order/{orderId}/submit", $"/order/{ids.OrderId}/submit", new JsonObject { ["ignoreFailedDatapoints"] = true });
        return ids;
    }

    public static List<(string A, string B)> Pairs(int count, string modelA = "modela", string modelB = "modelb") =>
        [.. Enumerable.Range(0, count).Select(i => ($"{modelA}_{i:D4}.png", $"{modelB}_{i:D4}.png"))];
}
