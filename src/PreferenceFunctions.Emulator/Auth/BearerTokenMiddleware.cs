namespace PreferenceFunctions.Emulator.Auth;

/// <summary>Every API call needs a valid bearer token, else 401 with no body (as the real API answers).</summary>
internal sealed class BearerTokenMiddleware(RequestDelegate next, TokenStore tokens)
{
    private const string Prefix = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        if (EmulatorPaths.IsOpen(context.Request.Path))
        {
            return next(context);
        }

        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !tokens.IsValid(header[Prefix.Length..].Trim()))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
