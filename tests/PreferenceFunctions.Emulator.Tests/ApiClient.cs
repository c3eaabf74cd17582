using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>A raw HTTP client for the emulator (not the product's Rapidata client): every response is checked against the contract.</summary>
internal sealed class ApiClient(RapidataEmulatorHost host) : IDisposable
{
    public HttpClient Http { get; } = new() { BaseAddress = host.BaseUrl };

    public static async Task<ApiClient> ConnectAsync(RapidataEmulatorHost host)
    {
        var client = new ApiClient(host);
        await client.AuthenticateAsync();
        return client;
    }

    public async Task AuthenticateAsync()
    {
        var response = await Http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = host.ClientId,
            ["client_secret"] = host.ClientSecret,
        }));
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Sends a request to the operation <paramref name="template"/> and checks the response against its contract.</summary>
    public async Task<ApiResponse> SendAsync(string method, string template, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        request.Content = body switch
        {
            null => null,
            string json => new StringContent(json, Encoding.UTF8, "application/json"),
            HttpContent content => content,
            _ => JsonContent.Create(body),
        };
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Unauthorized && (int)response.StatusCode is not (429 or 404 or >= 500))
        {
            ContractAssert.Matches(method, template, (int)response.StatusCode, text);
        }

        return new ApiResponse(response.StatusCode, response, text);
    }

    public async Task<JsonNode> OkAsync(string method, string template, string path, object? body = null)
    {
        var response = await SendAsync(method, template, path, body);
        Assert.True(response.Status == HttpStatusCode.OK, $"{method} {path}: {(int)response.Status} {response.Body}");
        return response.Json;
    }

    public async Task NoContentAsync(string method, string template, string path, object? body = null)
    {
        var response = await SendAsync(method, template, path, body);
        Assert.True(response.Status == HttpStatusCode.NoContent, $"{method} {path}: {(int)response.Status} {response.Body}");
    }

    public void Dispose() => Http.Dispose();
}
