using System.Net;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

public sealed class RequestValidationTests
{
    [Fact]
    public async Task CreateOrder_MissingRequiredFields_Returns400NamingEachField()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var body = CompareOrders.CreateOrderBody("x");
        body.Remove("orderName");
        body["referee"] = new JsonObject { ["_t"] = "NaiveReferee" };

        var response = await api.SendAsync("POST", "/order", "/order", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.Message.Content.Headers.ContentType?.MediaType);
        Assert.Contains("$.orderName", response.Errors.Select(e => e.Key));
        Assert.Contains("$.referee.totalVotes", response.Errors.Select(e => e.Key));
    }

    [Fact]
    public async Task CreateOrder_UnknownDiscriminator_Returns400NamingTheTypeField()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var body = CompareOrders.CreateOrderBody("x");
        body["referee"] = new JsonObject { ["_t"] = "MagicReferee", ["totalVotes"] = 3 };

        var response = await api.SendAsync("POST", "/order", "/order", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["$.referee._t"], response.Errors.Select(e => e.Key));
    }

    [Fact]
    public async Task CreateOrder_WrongTypes_Returns400NamingTheFields()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var body = CompareOrders.CreateOrderBody("x");
        body["referee"]!["totalVotes"] = "fifteen";
        body["workflow"]!["blueprint"]!.AsObject().Remove("criteria");

        var response = await api.SendAsync("POST", "/order", "/order", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("$.referee.totalVotes", response.Errors.Select(e => e.Key));
        Assert.Contains("$.workflow.blueprint.criteria", response.Errors.Select(e => e.Key));
    }

    [Fact]
    public async Task CreateOrder_MalformedJson_Returns400()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var response = await api.SendAsync("POST", "/order", "/order", "{\"orderName\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("$", response.Errors.Select(e => e.Key));
    }

    [Fact]
    public async Task CreateDatapoint_UnknownAssetAndBadSortIndex_Returns400NamingFields()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("x"));
        var known = await CompareOrders.UploadAsync(api, "a.png");
        var path = $"/dataset/{ids.DatasetId}/datapoint";

        var unknownAsset = await api.SendAsync("POST", "/dataset/{datasetId}/datapoint", path, CompareOrders.DatapointBody(known, "nope.png", 0));
        var badIndex = CompareOrders.DatapointBody(known, known, 0);
        badIndex["sortIndex"] = "first";
        var badSortIndex = await api.SendAsync("POST", "/dataset/{datasetId}/datapoint", path, badIndex);

        Assert.Equal(HttpStatusCode.BadRequest, unknownAsset.Status);
        Assert.Equal(["$.asset.assets[1].name"], unknownAsset.Errors.Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, badSortIndex.Status);
        Assert.Equal(["$.sortIndex"], badSortIndex.Errors.Select(e => e.Key));
    }

    [Fact]
    public async Task UploadAsset_WithoutFilePart_Returns400NamingFile()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        var response = await api.SendAsync("POST", "/asset/file", "/asset/file", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["file"], response.Errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData("GET", "/order/{orderId}", "/order/000000000000000000000000")]
    [InlineData("POST", "/order/{orderId}/submit", "/order/000000000000000000000000/submit")]
    [InlineData("GET", "/order/{orderId}/download-results", "/order/000000000000000000000000/download-results")]
    [InlineData("GET", "/validation-set/{validationSetId}", "/validation-set/000000000000000000000000")]
    [InlineData("GET", "/pipeline/{pipelineId}", "/pipeline/000000000000000000000000")]
    public async Task UnknownId_Returns404(string method, string template, string path)
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var response = await api.SendAsync(method, template, path);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task CreateDatapoint_UnknownDataset_Returns404()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var a = await CompareOrders.UploadAsync(api, "a.png");
        var b = await CompareOrders.UploadAsync(api, "b.png");

        var response = await api.SendAsync("POST", "/dataset/{datasetId}/datapoint", "/dataset/missing/datapoint", CompareOrders.DatapointBody(a, b, 0));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public void ContractAssert_BodyMissingRequiredFields_Fails()
    {
        var exception = Record.Exception(() => ContractAssert.Matches("GET", "/order/{orderId}", 200, "{\"orderName\":\"x\"}"));

        Assert.NotNull(exception);
        Assert.Contains("$.pipelineId", exception.Message);
    }
}
