using System.Text.Json.Nodes;
using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>What the client puts on the wire, field by field, for the calls whose bodies carry the user's choices.</summary>
public sealed class RequestBodyTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateCompareOrder_FullRequest_WritesWorkflowRefereeFiltersFlagsAndSelections()
    {
        await using var services = TestClients.Create(_server);
        var filter = JsonNode.Parse("""{"_t":"CountryFilter","countries":["DE"]}""")!.AsObject();
        var selection = JsonNode.Parse("""{"_t":"LabelingSelection","amount":3}""")!.AsObject();

        await services.Client().CreateCompareOrderAsync(new CompareOrderRequest("run-7", "Which image fits?", new QuorumReferee(10, 7),
            ["sdxl", "flux"], "vs-9", [filter], [new FeatureFlag("no_shuffle", "true")], [selection]));

        var body = JsonNode.Parse(_server.ApiRequests[0].Body)!;
        Assert.Equal("run-7", (string?)body["orderName"]);
        Assert.Equal("SimpleWorkflow", (string?)body["workflow"]!["_t"]);
        Assert.Equal("CompareBlueprint", (string?)body["workflow"]!["blueprint"]!["_t"]);
        Assert.Equal("Which image fits?", (string?)body["workflow"]!["blueprint"]!["criteria"]);
        Assert.Equal("flux", (string?)body["workflow"]!["blueprint"]!["indexIdentifiers"]![1]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"_t":"QuorumReferee","maxVotes":10,"threshold":7}"""), body["referee"]));
        Assert.Equal("vs-9", (string?)body["validationSetId"]);
        Assert.True(JsonNode.DeepEquals(filter, body["userFilters"]![0]));
        Assert.Equal("no_shuffle", (string?)body["rapidFeatureFlags"]![0]!["key"]);
        Assert.True(JsonNode.DeepEquals(selection, body["selections"]![0]));
    }

    [Fact]
    public async Task CreateCompareOrder_NoFilters_SendsEmptyFilterListAndOmitsNulls()
    {
        await using var services = TestClients.Create(_server);

        await services.Client().CreateCompareOrderAsync(new CompareOrderRequest("run-7", "Which?", new EarlyStoppingReferee(20, 0.999)));

        var body = JsonNode.Parse(_server.ApiRequests[0].Body)!.AsObject();
        Assert.Empty(body["userFilters"]!.AsArray());
        Assert.False(body.ContainsKey("validationSetId"));
        Assert.False(body.ContainsKey("selections"));
        Assert.False(body["workflow"]!["blueprint"]!.AsObject().ContainsKey("indexIdentifiers"));
        Assert.Equal(0.999, (double)body["referee"]!["threshold"]!);
    }

    [Fact]
    public async Task CreateDatapoint_Pair_WritesExistingAssetsContextSortIndexAndMetadata()
    {
        await using var services = TestClients.Create(_server);

        var id = await services.Client().CreateDatapointAsync("dataset-1", new CompareDatapoint("asset-a.png", "asset-b.png", "a cat", 12,
            new Dictionary<string, string> { ["matchupId"] = "m-12" }));

        Assert.Equal("datapoint-1", id);
        Assert.Equal("/dataset/dataset-1/datapoint", _server.ApiRequests[0].Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"asset":{"_t":"MultiAssetInput","assets":[{"_t":"ExistingAssetInput","name":"asset-a.png"},{"_t":"ExistingAssetInput","name":"asset-b.png"}]},
             "context":"a cat","sortIndex":12,"privateMetadata":{"matchupId":"m-12"}}
            """), JsonNode.Parse(_server.ApiRequests[0].Body)));
    }

    [Fact]
    public async Task AddCompareValidationRapid_Pair_WritesComparePayloadAndTruth()
    {
        await using var services = TestClients.Create(_server);

        await services.Client().AddCompareValidationRapidAsync("vs-1", new CompareValidationRapid("a.png", "b.png", "Which?", "b.png"));

        var body = JsonNode.Parse(_server.ApiRequests[0].Body)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"_t":"ComparePayload","criteria":"Which?"}"""), body["payload"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"_t":"CompareTruth","winnerId":"b.png"}"""), body["truth"]));
        Assert.Equal(0.5, (double)body["randomCorrectProbability"]!);
    }

    [Fact]
    public async Task UploadAsset_File_SendsMultipartFileFieldWithNameAndType()
    {
        await using var services = TestClients.Create(_server);

        var asset = await services.Client().UploadAssetAsync(new MemoryStream([9, 8, 7]), "images/model_a/cat_1_0.png");

        Assert.Equal(new UploadedAsset("asset-9f2c.png", [], false, 8, 8), asset with { Warnings = [] });
        var text = _server.ApiRequests[0].BodyText;
        Assert.Contains("name=file; filename=cat_1_0.png", text);
        Assert.Contains("Content-Type: image/png", text);
        Assert.StartsWith("multipart/form-data", _server.ApiRequests[0].ContentType);
    }

    [Fact]
    public async Task SubmitOrder_Default_IgnoresFailedDatapointsAsTheSdkDoes()
    {
        await using var services = TestClients.Create(_server);

        await services.Client().SubmitOrderAsync("order 1/x");

        // Kestrel decodes %20 but keeps %2F: the id's slash stayed inside one path segment.
        Assert.Equal("/order/order 1%2Fx/submit", _server.ApiRequests[0].Path);
        Assert.Equal("""{"ignoreFailedDatapoints":true}""", _server.ApiRequests[0].BodyText);
    }
}
