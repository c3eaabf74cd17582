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
        await using var host = await harness.StartInProcessHostAsync(watch: false, Enabled);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.SendAsync(Post(Json("""
            [{"id":"1","topic":"t","subject":"s","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-26T00:00:00Z",
              "dataVersion":"1","data":{"validationCode":"abc-123","validationUrl":"https://example.invalid/validate"}}]
            """), "SubscriptionValidation"));

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("abc-123", body.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task BlobCreated_ForDatasetCsv_StartsOneRunPerBlobVersion()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false, Enabled);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var upload = await harness.DropSampleAsync();
        var csvUrl = harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer).GetBlobClient($"{upload.Dataset}/matchups.csv").Uri;
        var blobCreated = $$$"""
            [{"id":"{{{Guid.NewGuid()}}}","topic":"t","subject":"s","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-26T00:00:00Z",
              "dataVersion":"1","data":{"api":"PutBlob","eTag":{{{JsonSerializer.Serialize(upload.CsvETag)}}},"url":"{{{csvUrl}}}","contentType":"text/csv","contentLength":1,"blobType":"BlockBlob"}}]
            """;

        var first = await (await http.SendAsync(Post(Json(blobCreated)))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await http.SendAsync(Post(Json(blobCreated)))).Content.ReadFromJsonAsync<JsonElement>();

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
        await using var host = await harness.StartInProcessHostAsync(watch: false, Enabled);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.SendAsync(Post(Json("{not json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Event Grid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BlobCreated_CrossSiteFormPostOrForgedETag_StartsNoRun()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false, Enabled);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var upload = await harness.DropSampleAsync();
        var csvUrl = harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer).GetBlobClient($"{upload.Dataset}/matchups.csv").Uri;
        var forged = $$$"""
            [{"id":"x","topic":"t","subject":"s","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-26T00:00:00Z",
              "dataVersion":"1","data":{"api":"PutBlob","eTag":"\"0xFORGED\"","url":"{{{csvUrl}}}","contentType":"text/csv","contentLength":1,"blobType":"BlockBlob"}}]
            """;

        // What a form on another site can send: text/plain, no custom header.
        var form = await http.PostAsync("api/eventgrid/blob-created", new StringContent(forged, System.Text.Encoding.UTF8, "text/plain"));
        var noHeader = await http.PostAsync("api/eventgrid/blob-created", Json(forged));
        var withForgedETag = await (await http.SendAsync(Post(Json(forged)))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        Assert.Equal(upload.RunId, withForgedETag.GetProperty("runs")[0].GetProperty("runId").GetString()); // the real ETag's run, not a new one
    }

    [Fact]
    public async Task BlobCreated_EndpointNotEnabled_404()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.SendAsync(Post(Json("[]")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static readonly Dictionary<string, string?> Enabled = new() { ["Local:EnableEventGridEndpoint"] = "true" };

    private static HttpRequestMessage Post(HttpContent content, string eventType = "Notification")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/eventgrid/blob-created") { Content = content };
        request.Headers.Add("aeg-event-type", eventType);
        return request;
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
