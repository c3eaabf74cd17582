using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PreferenceFunctions.Local.Tests.Support;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>POST /api/eventgrid/blob-created: the Event Grid path into the same run starter as the watcher.</summary>
public sealed class BlobCreatedEndpointTests
{
    [Fact]
    public async Task SubscriptionValidation_Handshake_EchoesValidationCode()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.PostAsync("api/eventgrid/blob-created", Json("""
            [{"id":"1","topic":"t","subject":"s","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-26T00:00:00Z",
              "dataVersion":"1","data":{"validationCode":"abc-123","validationUrl":"https://example.invalid/validate"}}]
            """));

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("abc-123", body.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task BlobCreated_ForDatasetCsv_StartsOneRunPerBlobVersion()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var upload = await harness.DropSampleAsync();
        var csvUrl = harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer).GetBlobClient($"{upload.Dataset}/matchups.csv").Uri;
        var blobCreated = $$$"""
            [{"id":"{{{Guid.NewGuid()}}}","topic":"t","subject":"s","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-26T00:00:00Z",
              "dataVersion":"1","data":{"api":"PutBlob","eTag":{{{JsonSerializer.Serialize(upload.CsvETag)}}},"url":"{{{csvUrl}}}","contentType":"text/csv","contentLength":1,"blobType":"BlockBlob"}}]
            """;

        var first = await (await http.PostAsync("api/eventgrid/blob-created", Json(blobCreated))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await http.PostAsync("api/eventgrid/blob-created", Json(blobCreated))).Content.ReadFromJsonAsync<JsonElement>();

        var started = first.GetProperty("runs")[0];
        Assert.Equal(upload.RunId, started.GetProperty("runId").GetString());
        Assert.True(started.GetProperty("started").GetBoolean());
        Assert.False(second.GetProperty("runs")[0].GetProperty("started").GetBoolean());
        Assert.NotNull(await harness.Runs.GetAsync(upload.RunId));
    }

    [Fact]
    public async Task BlobCreated_NotEventGridJson_Returns400WithReason()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.PostAsync("api/eventgrid/blob-created", Json("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Event Grid", await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
