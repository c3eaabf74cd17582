using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Emulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Token_FormCredentials_ReturnsBearerTokenWithDefaultLifetime()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        var response = await http.PostAsync("connect/token", Form(("client_id", "rapidata-emulator"), ("client_secret", "rapidata-emulator-secret")));
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        Assert.Equal(3600, token["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(token["access_token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Token_HttpBasicCredentials_TokenOpensTheApi()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(new EmulatorOptions { ClientId = "my-id", ClientSecret = "my-secret" });
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/token") { Content = Form() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("my-id:my-secret")));

        var response = await http.SendAsync(request);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var orders = await http.GetAsync("orders");

        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
    }

    [Fact]
    public async Task Token_WrongSecret_Returns401InvalidClient()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        var response = await http.PostAsync("connect/token", Form(("client_id", "rapidata-emulator"), ("client_secret", "wrong")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_MalformedBasicHeader_Returns401InvalidClient()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/token") { Content = Form() };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic %%%not-base64");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic cmFwaWRhdGEtZW11bGF0b3I6cmFwaWRhdGEtZW11bGF0b3Itc2VjcmV0")]
    public async Task Api_WithoutValidBearerToken_Returns401WithNoBody(string? authorization)
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "orders");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Api_TokenOutlivesItsLifetime_Returns401UntilANewTokenIsFetched()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(1) });
        using var api = await ApiClient.ConnectAsync(emulator);

        var expired = await Eventually.GetAsync(() => api.Http.GetAsync("orders"), r => r.StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "the token to expire");
        await api.AuthenticateAsync();
        var renewed = await api.Http.GetAsync("orders");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task AdminRevokeTokens_ExistingToken_Returns401()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var before = await api.Http.GetAsync("orders");

        await api.Http.DeleteAsync("_emulator/tokens");
        var after = await api.Http.GetAsync("orders");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new([new("grant_type", "client_credentials"), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);
}
