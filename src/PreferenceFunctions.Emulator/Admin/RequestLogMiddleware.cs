
namespace PreferenceFunctions.Emulator.Admin;

/// <summary>Records method, path, status and body of every API request (admin calls excluded) for tests.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, TimeProvider clock)
{
    private const string BodyKey = "emulator.loggedBody";

    /// <summary>Records what the request carried; handlers call it once they have read the body (never with secrets or file bytes).</summary>
    public static void SetBody(HttpContext context, string body) => context.Items[BodyKey] = body;

    public async Task InvokeAsync(HttpContext context)
    {
        if (EmulatorPaths.IsAdmin(context.Request.Path))
        {
            await next(context);
            return;
        }

        var receivedAt = clock.GetUtcNow();
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var body = context.Items[BodyKey] as string;
            log.Add(new RequestLogEntry(receivedAt, request.Method, request.Path + request.QueryString, context.Response.StatusCode, body));
        }
    }
}
