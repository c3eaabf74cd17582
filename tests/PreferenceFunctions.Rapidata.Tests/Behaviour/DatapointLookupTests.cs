using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>The lookups an interrupted upload uses: the datapoints a dataset already has, and an order's dataset id.</summary>
public sealed class DatapointLookupTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListDatapoints_TwoPages_YieldsAllWithAssetFileNames()
    {
        _server.Script = request => request.Path == "/dataset/dataset-1/datapoints"
            ? FakeResponse.Ok(request.Query.Contains("page=1&") ? Page(1, "dp-1", "dp-2") : Page(2, "dp-3"))
            : null;
        await using var services = TestClients.Create(_server);

        var datapoints = new List<Models.DatapointSummary>();
        await foreach (var datapoint in services.Client().ListDatapointsAsync("dataset-1", pageSize: 2)) datapoints.Add(datapoint);

        Assert.Equal(["dp-1", "dp-2", "dp-3"], datapoints.Select(d => d.Id));
        Assert.Equal(["dp-3-a.png", "dp-3-b.png"], datapoints[2].AssetNames);
        Assert.Equal("prompt dp-3", datapoints[2].Context);
        Assert.Equal(2, _server.ApiRequests.Count);
        Assert.Equal("page=2&page_size=2&sort=created_at", _server.ApiRequests[1].Query);
    }

    [Fact]
    public async Task GetPipelineDatasetId_DatasetArtifact_ReturnsItsDatasetId()
    {
        await using var services = TestClients.Create(_server);

        Assert.Equal("dataset-1", await services.Client().GetPipelineDatasetIdAsync("pipeline-1"));
    }

    [Fact]
    public async Task GetPipelineDatasetId_NoDatasetArtifact_ThrowsNamingThePipeline()
    {
        _server.Script = _ => FakeResponse.Ok("""{"featureFlags":[],"artifacts":{"c":{"_t":"CampaignArtifactModel","campaignId":"c1","identifier":"c"}}}""");
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetPipelineDatasetIdAsync("pipeline-9"));

        Assert.Contains("pipeline-9", error.Message);
        Assert.Contains("no dataset artifact", error.Message);
    }

    [Fact]
    public async Task ListDatapoints_PageWithoutItems_ThrowsRapidataRequestException()
    {
        _server.Script = _ => FakeResponse.Ok("""{"total":1,"page":1,"pageSize":500}""");
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(async () =>
        {
            await foreach (var _ in services.Client().ListDatapointsAsync("dataset-1")) { }
        });

        Assert.Contains("items", error.Message);
    }

    private static string Page(int page, params string[] ids)
    {
        var items = ids.Select(id =>
            $"{{\"id\":\"{id}\",\"datasetId\":\"dataset-1\",\"context\":\"prompt {id}\",\"asset\":{{\"_t\":\"MultiAsset\",\"identifier\":\"m\"," +
            $"\"metadata\":{{}},\"assets\":[{FileAsset(id + "-a.png")},{FileAsset(id + "-b.png")}]}}}}");
        return $"{{\"total\":3,\"page\":{page},\"pageSize\":2,\"items\":[{string.Join(",", items)}]}}";
    }

    private static string FileAsset(string fileName) =>
        $"{{\"_t\":\"FileAsset\",\"fileName\":\"{fileName}\",\"identifier\":\"x\",\"metadata\":{{}}}}";
}
