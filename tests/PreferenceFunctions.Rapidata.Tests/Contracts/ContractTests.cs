using System.Reflection;
using System.Text.Json.Nodes;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Contracts;

/// <summary>Every request the client really sends (recorded by a Kestrel server) matches Rapidata's OpenAPI documents.</summary>
public sealed class ContractTests
{
    [Theory]
    [MemberData(nameof(ClientCalls.Names), MemberType = typeof(ClientCalls))]
    public async Task ClientCall_RecordedRequest_MatchesOpenApiContract(string callName)
    {
        var call = ClientCalls.Named(callName);
        await using var server = await FakeRapidataServer.StartAsync();
        await using var services = TestClients.Create(server);

        await call.Run(services.Client());

        var request = Assert.Single(server.ApiRequests);
        var operation = OpenApiContract.Rapidata.Find(request.Method, request.Path);
        Assert.NotNull(operation);
        Assert.Equal(call.Operation, $"{operation.Method} {operation.PathTemplate}");
        Assert.Empty(await RequestContractChecker.CheckAsync(OpenApiContract.Rapidata, request));
    }

    [Theory]
    [MemberData(nameof(ClientCalls.Names), MemberType = typeof(ClientCalls))]
    public async Task CannedResponse_ForEveryCall_MatchesResponseSchema(string callName)
    {
        await using var server = await FakeRapidataServer.StartAsync();
        await using var services = TestClients.Create(server);
        await ClientCalls.Named(callName).Run(services.Client());
        var request = Assert.Single(server.ApiRequests);
        var operation = OpenApiContract.Rapidata.Find(request.Method, request.Path)!;

        var response = CannedResponses.For(request);

        Assert.True(operation.DeclaresResponse(response.Status), $"{operation.PathTemplate} does not declare {response.Status}");
        if (response.Json is not null)
            Assert.Empty(OpenApiContract.Rapidata.ValidateResponse(operation, response.Status, "application/json", JsonNode.Parse(response.Json)));
    }

    [Fact]
    public void ClientCalls_CoverEveryPublicClientMethod()
    {
        var methods = typeof(RapidataClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name.Replace("Async", ""))
            .ToHashSet();
        var covered = ClientCalls.All.Select(c => c.Name.Split('.')[0]).ToHashSet();

        Assert.Empty(methods.Except(covered));
    }

    [Fact]
    public async Task TokenRequest_Sent_UsesClientCredentialsWithSdkScopeAndClientHeader()
    {
        await using var server = await FakeRapidataServer.StartAsync();
        await using var services = TestClients.Create(server);

        await services.Client().GetOrderAsync("order-1");

        var token = Assert.Single(server.AllRequests, r => r.Path == "/auth/connect/token");
        Assert.Equal("POST", token.Method);
        Assert.Contains("grant_type=client_credentials", token.BodyText);
        Assert.Contains("scope=openid%20email%20api", token.BodyText.Replace("+", "%20"));
        Assert.Equal(RapidataServiceCollectionExtensions.ClientHeaderValue, token.Header("X-Client"));
        Assert.Matches(@"^PreferenceFunctions/\d+\.\d+\.\d+", Assert.Single(server.ApiRequests).Header("X-Client"));
    }
}
