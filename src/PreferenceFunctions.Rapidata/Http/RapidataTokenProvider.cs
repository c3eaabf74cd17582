using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PreferenceFunctions.Rapidata.Http;

/// <summary>
/// Client-credentials tokens from <c>{AuthBaseUrl}/connect/token</c>, cached and renewed shortly before expiry.
/// One request at a time: callers arriving while a token is being fetched wait for it instead of fetching their own
/// (the auth server rate-limits bursts of token requests).
/// </summary>
internal sealed partial class RapidataTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<RapidataClientOptions> options,
    TimeProvider timeProvider,
    ILogger<RapidataTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "PreferenceFunctions.Rapidata.Auth";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _token;

    /// <summary>The provider is a DI singleton: the container disposes it with the host.</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>A token that is not due for renewal.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && !cached.IsDue(timeProvider.GetUtcNow())) return cached.AccessToken;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } fresh && !fresh.IsDue(timeProvider.GetUtcNow())) return fresh.AccessToken;
            return (_token = await RequestAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new token after the API rejected <paramref name="rejected"/>; concurrent rejections share one renewal.</summary>
    public async ValueTask<string> RenewAsync(string rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } current && current.AccessToken != rejected && !current.IsDue(timeProvider.GetUtcNow()))
                return current.AccessToken;
            return (_token = await RequestAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var address = new Uri(settings.AuthBaseUrl.ToString().TrimEnd('/') + "/connect/token");
        var client = httpClientFactory.CreateClient(HttpClientName);
        var issuedAt = timeProvider.GetUtcNow();
        var response = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = address.ToString(),
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            Scope = settings.Scope,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
        }, cancellationToken).ConfigureAwait(false);
        if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
            throw TokenFailure(response, address);

        var lifetime = TimeSpan.FromSeconds(response.ExpiresIn > 0 ? response.ExpiresIn : 3600);
        var margin = settings.TokenRenewalMargin < lifetime / 2 ? settings.TokenRenewalMargin : lifetime / 2;
        LogTokenIssued(logger, lifetime);
        return new CachedToken(response.AccessToken, issuedAt + lifetime - margin);
    }

    private static RapidataRequestException TokenFailure(TokenResponse response, Uri address)
    {
        var traceId = response.HttpResponse?.Headers.TryGetValues(ProblemDetailsReader.TraceIdHeader, out var ids) == true
            ? ids.FirstOrDefault()
            : null;
        var title = response.ErrorType == ResponseErrorType.Exception
            ? "Token request failed"
            : $"Token request failed: {response.Error ?? "no access token in the response"}";
        return new RapidataRequestException("POST", address.AbsolutePath, (int)response.HttpStatusCode, title,
            response.ErrorDescription ?? response.Exception?.Message, null, traceId, response.Exception);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rapidata access token issued, valid for {Lifetime}")]
    private static partial void LogTokenIssued(ILogger logger, TimeSpan lifetime);

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAt)
    {
        public bool IsDue(DateTimeOffset now) => now >= RenewAt;
    }
}
