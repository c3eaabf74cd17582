using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Rapidata.Tests.Fakes;

/// <summary>
/// Rapidata on a real Kestrel server on 127.0.0.1 (random port): the token endpoint at <c>/auth/connect/token</c>
/// and the API at the root. It records every request; API answers come from <see cref="Script"/>, else from
/// <see cref="CannedResponses"/>. Tokens it did not issue, or revoked, get 401.
/// </summary>
internal sealed class FakeRapidataServer : IAsyncDisposable
{
    public const string ClientId = "test-client";
    public const string ClientSecret = "test-secret";

    private WebApplication _app = null!;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _validTokens = new();
    private int _tokensIssued;

    private FakeRapidataServer()
    {
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri AuthUrl => new(BaseUrl, "auth");

    /// <summary>Answers API requests; return null to use the canned answer.</summary>
    public Func<RecordedRequest, FakeResponse?>? Script { get; set; }

    /// <summary><c>expires_in</c> of issued tokens.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Held before answering a token request, so concurrent callers overlap with it.</summary>
    public TimeSpan TokenDelay { get; set; }

    public int TokenRequests => _requests.Count(r => r.Path == "/auth/connect/token");

    public IReadOnlyList<RecordedRequest> ApiRequests => _requests.Where(r => !r.Path.StartsWith("/auth/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<RecordedRequest> AllRequests => _requests.ToList();

    public void RevokeAllTokens() => _validTokens.Clear();

    public static async Task<FakeRapidataServer> StartAsync()
    {
        var server = new FakeRapidataServer();
        (server._app, server.BaseUrl) = await LoopbackApp.StartAsync(server.HandleAsync);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request);
        _requests.Enqueue(request);
        if (request.Path == "/auth/connect/token")
        {
            await IssueTokenAsync(context, request);
            return;
        }
        var bearer = request.Header("Authorization");
        if (bearer is null || !bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !_validTokens.ContainsKey(bearer["Bearer ".Length..]))
        {
            context.Response.StatusCode = 401;
            return;
        }
        await WriteAsync(context, Script?.Invoke(request) ?? CannedResponses.For(request));
    }

    private async Task IssueTokenAsync(HttpContext context, RecordedRequest request)
    {
        if (TokenDelay > TimeSpan.Zero) await Task.Delay(TokenDelay, context.RequestAborted);
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.BodyText);
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || form["scope"] != "openid email api")
        {
            await WriteAsync(context, new FakeResponse(400, """{"error":"invalid_client"}"""));
            return;
        }
        var token = $"token-{Interlocked.Increment(ref _tokensIssued)}";
        _validTokens[token] = true;
        await WriteAsync(context, FakeResponse.Ok($$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{TokenLifetimeSeconds}},"scope":"openid email api"}"""));
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
        if (response.Hang) await Task.Delay(Timeout.Infinite, context.RequestAborted);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (response.WriteBody is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.StartAsync(context.RequestAborted);
            await response.WriteBody(context.Response.Body, context.RequestAborted);
            return;
        }
        var body = response.Bytes ?? (response.Json is null ? null : System.Text.Encoding.UTF8.GetBytes(response.Json));
        if (body is null) return;
        context.Response.ContentType = response.ContentType;
        await context.Response.Body.WriteAsync(body);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value?.TrimStart('?') ?? "",
            headers, request.ContentType, body.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
