using System.Net.Http.Headers;
using System.Text;

namespace PreferenceFunctions.Emulator.Auth;

/// <summary>POST /connect/token: the OAuth 2.0 client-credentials grant, client authentication by form fields or HTTP Basic.</summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/connect/token", IssueAsync).DisableAntiforgery();

    private static async Task<IResult> IssueAsync(HttpContext context, EmulatorOptions options, TokenStore tokens)
    {
        if (!context.Request.HasFormContentType)
        {
            return OAuthError("invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            return OAuthError("unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }

        var (clientId, clientSecret) = ReadBasic(context.Request) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        if (clientId != options.ClientId || clientSecret != options.ClientSecret)
        {
            return Results.Json(
                new { error = "invalid_client", error_description = "Unknown client id or wrong secret." },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var lifetime = options.TokenLifetime;
        return Results.Json(new
        {
            access_token = tokens.Issue(lifetime),
            token_type = "Bearer",
            expires_in = (int)Math.Ceiling(lifetime.TotalSeconds),
            scope = form["scope"].ToString() is { Length: > 0 } scope ? scope : "openid email api",
        });
    }

    private static (string, string)? ReadBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        var bytes = new byte[header.Parameter.Length];
        if (!Convert.TryFromBase64String(header.Parameter, bytes, out var length))
        {
            return (string.Empty, string.Empty); // malformed Basic credentials: rejected as invalid_client
        }

        var decoded = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
    }

    private static IResult OAuthError(string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);
}
