using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Failures surface as one <see cref="RapidataRequestException"/> carrying problem+json fields and the trace id.</summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateOrder_400ProblemDetails_SurfacesFieldErrorsAndHeaderTraceId()
    {
        _server.Script = _ => FakeResponse.Problem(400, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.",
             "status":400,"detail":"The order is invalid.","errors":{"orderName":["The order name is required."],
             "referee.totalVotes":["Must be at least 1.","Must be an integer."]},"traceId":"00-body-trace-01"}
            """, traceId: "header-trace-7");
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() =>
            services.Client().CreateCompareOrderAsync(new CompareOrderRequest("x", "Which?", new NaiveReferee(1))));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(("POST", "/order"), (error.Method, error.Path));
        Assert.Equal("One or more validation errors occurred.", error.Title);
        Assert.Equal("The order is invalid.", error.Detail);
        Assert.Equal(["The order name is required."], error.Errors["orderName"]);
        Assert.Equal(2, error.Errors["referee.totalVotes"].Count);
        Assert.Equal("header-trace-7", error.TraceId);
        Assert.Contains("orderName: The order name is required.", error.Message);
        Assert.Contains("header-trace-7", error.Message);
    }

    [Fact]
    public async Task Call_TraceIdOnlyInBody_UsesBodyTraceId()
    {
        _server.Script = _ => FakeResponse.Problem(404, """{"title":"Order not found","status":404,"traceId":"00-abc-01"}""");
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetOrderAsync("missing"));

        Assert.Equal((404, "Order not found", "00-abc-01"), (error.StatusCode, error.Title, error.TraceId));
    }

    [Fact]
    public async Task Call_ForbiddenWithoutBody_UsesReasonPhrase()
    {
        _server.Script = _ => new FakeResponse(403, Headers: new Dictionary<string, string> { ["x-trace-id"] = "t-403" });
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().DeleteOrderAsync("order-1"));

        Assert.Equal((403, "Forbidden", "t-403"), (error.StatusCode, error.Title, error.TraceId));
        Assert.Empty(error.Errors);
    }

    [Fact]
    public async Task Call_SuccessBodyMissingRequiredField_ThrowsUnexpectedResponseBody()
    {
        _server.Script = _ => FakeResponse.Ok("""{"pipelineId":"p-1"}""");
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() =>
            services.Client().CreateCompareOrderAsync(new CompareOrderRequest("x", "Which?", new NaiveReferee(1))));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("Unexpected response body", error.Message);
        Assert.Contains("orderId", error.Message);
    }

    [Fact]
    public async Task AddCompareValidationRapid_WinnerNotInPair_ThrowsBeforeSending()
    {
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => services.Client().AddCompareValidationRapidAsync("vs-1",
            new CompareValidationRapid("a.png", "b.png", "Which?", "c.png")));

        Assert.Contains("'c.png'", error.Message);
        Assert.Empty(_server.AllRequests);
    }

    [Fact]
    public void Resolve_MissingClientId_FailsOptionsValidation()
    {
        using var services = TestClients.Create(_server, new Dictionary<string, string?> { ["ClientId"] = "" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.Client());

        Assert.Contains("ClientId", error.Message);
    }
}
