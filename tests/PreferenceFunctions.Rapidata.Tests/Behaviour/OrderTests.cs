using System.Text.Json;
using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Responses map into the public models; unknown order states never throw.</summary>
public sealed class OrderTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetOrder_KnownState_MapsEveryField()
    {
        await using var services = TestClients.Create(_server);

        var order = await services.Client().GetOrderAsync("order-1");

        Assert.Equal(new RapidataOrder("order-1", "run-42 prompt alignment", OrderState.Processing, "Processing", null, "pipeline-1",
            new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), "team@example.com", true, false), order);
    }

    [Fact]
    public async Task GetOrder_UnknownFutureState_IsUnknownWithRawText()
    {
        _server.Script = _ => FakeResponse.Ok(CannedResponses.OrderJson.Replace("\"Processing\"", "\"Archived\""));
        await using var services = TestClients.Create(_server);

        var order = await services.Client().GetOrderAsync("order-1");

        Assert.Equal((OrderState.Unknown, "Archived"), (order.State, order.RawState));
    }

    [Fact]
    public async Task GetOrder_FailedState_CarriesFailureMessage()
    {
        _server.Script = _ => FakeResponse.Ok(CannedResponses.OrderJson.Replace("\"Processing\"", "\"Failed\"")
            .Replace("\"failureMessage\":null", "\"failureMessage\":\"Dataset is empty\""));
        await using var services = TestClients.Create(_server);

        var order = await services.Client().GetOrderAsync("order-1");

        Assert.Equal((OrderState.Failed, "Dataset is empty"), (order.State, order.FailureMessage));
    }

    [Theory]
    [InlineData("Created", OrderState.Created)]
    [InlineData("Preview", OrderState.Preview)]
    [InlineData("Submitted", OrderState.Submitted)]
    [InlineData("ManualReview", OrderState.ManualReview)]
    [InlineData("Queued", OrderState.Queued)]
    [InlineData("Processing", OrderState.Processing)]
    [InlineData("Paused", OrderState.Paused)]
    [InlineData("Completed", OrderState.Completed)]
    [InlineData("Cancelled", OrderState.Cancelled)]
    [InlineData("Failed", OrderState.Failed)]
    [InlineData("StaleResults", OrderState.StaleResults)]
    [InlineData("ManuelReview", OrderState.Unknown)]
    [InlineData("7", OrderState.Unknown)]
    [InlineData("", OrderState.Unknown)]
    public void OrderState_Parse_KnowsTheElevenStatesAndNothingElse(string text, OrderState expected) =>
        Assert.Equal(expected, OrderStateJsonConverter.Parse(text));

    [Fact]
    public async Task FindOrders_PageWithUnknownState_MapsItemsAndEncodesFilter()
    {
        _server.Script = _ => FakeResponse.Ok(CannedResponses.OrdersPageJson.Replace("\"Completed\"", "\"Expired\""));
        await using var services = TestClients.Create(_server);

        var page = await services.Client().FindOrdersAsync("run 42 & more");

        Assert.Equal((1L, 1, 10, 1), (page.Total, page.Page, page.PageSize, page.TotalPages));
        var item = Assert.Single(page.Items);
        Assert.Equal(("order-1", OrderState.Unknown), (item.Id, item.State));
        Assert.Equal("page=1&page_size=10&order_name%5Bcontains%5D=run%2042%20%26%20more&sort=-order_date", _server.ApiRequests[0].Query);
    }

    [Fact]
    public async Task CreateCompareOrder_Response_MapsIds()
    {
        await using var services = TestClients.Create(_server);

        var created = await services.Client().CreateCompareOrderAsync(new CompareOrderRequest("x", "Which?", new NaiveReferee(3)));

        Assert.Equal(new CreatedOrder("order-1", "pipeline-1", "dataset-1", null), created);
    }

    [Fact]
    public async Task GetValidationSet_Response_MapsFields()
    {
        await using var services = TestClients.Create(_server);

        var set = await services.Client().GetValidationSetAsync("vs-1");

        Assert.Equal(("vs-1", "compare truths"), (set.Id, set.Name));
        Assert.Equal(["global"], set.Dimensions);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), set.CreatedAt);
    }

    [Fact]
    public void OrderState_DeserialisedFromJson_UnknownDoesNotThrow()
    {
        var states = JsonSerializer.Deserialize<OrderState[]>("""["Completed","SomethingNew",42]""");

        Assert.Equal([OrderState.Completed, OrderState.Unknown, OrderState.Unknown], states);
    }

    [Fact]
    public async Task Responses_OnlyRequiredFields_AreAccepted()
    {
        _server.Script = request => (request.Method, request.Path) switch
        {
            ("GET", "/order/order-1") => FakeResponse.Ok("""
                {"orderName":"n","customerMail":"m","orderDate":"2026-11-20T10:00:00Z","state":"Queued","pipelineId":"p","isLocked":false,"isPublic":false}
                """),
            ("GET", "/orders") => FakeResponse.Ok("""
                {"total":25,"page":1,"pageSize":10,"items":[{"id":"o","pipelineId":"p","orderDate":null,"customerMail":"m","state":"Paused","orderName":"n","isPublic":true}]}
                """),
            ("POST", "/order") => FakeResponse.Ok("""{"orderId":"o","pipelineId":"p"}"""),
            ("POST", "/asset/file") => FakeResponse.Ok("""{"fileName":"f","warnings":["resized"],"wasCompressed":true}"""),
            _ => null,
        };
        await using var services = TestClients.Create(_server);
        var client = services.Client();

        var order = await client.GetOrderAsync("order-1");
        var page = await client.FindOrdersAsync("n");
        var created = await client.CreateCompareOrderAsync(new CompareOrderRequest("n", "Which?", new NaiveReferee(1)));
        var asset = await client.UploadAssetAsync(new MemoryStream([1]), "a.png");

        Assert.Equal((OrderState.Queued, null), (order.State, order.FailureMessage));
        Assert.Equal(3, page.TotalPages);
        Assert.Equal((OrderState.Paused, null), (page.Items[0].State, page.Items[0].OrderDate));
        Assert.Equal(new CreatedOrder("o", "p"), created);
        Assert.Equal((true, null, "resized"), (asset.WasCompressed, asset.OriginalSizeBytes, asset.Warnings[0]));
    }
}
