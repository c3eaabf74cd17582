using System.Net;
using System.Net.Http.Headers;

namespace PreferenceFunctions.Rapidata.Http;

/// <summary>
/// Puts the bearer token on every attempt. A 401 means the token was revoked or expired early: the handler renews it
/// once and sends the request again; a second 401 is returned to the caller.
/// </summary>
internal sealed class RapidataAuthenticationHandler(RapidataTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        response.Dispose();
        var renewed = await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
