using Microsoft.AspNetCore.Http.Features;
using PreferenceFunctions.Emulator.Contracts;

namespace PreferenceFunctions.Emulator.Admin;

/// <summary>Records method, path, status and body of every API request (admin calls excluded) for tests.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, TimeProvider clock)
{
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
            var body = ContractValidationMiddleware.RawBody(context) ?? Describe(context);
            log.Add(new RequestLogEntry(receivedAt, request.Method, request.Path + request.QueryString, context.Response.StatusCode, body));
        }
    }

    // Multipart uploads are logged by their file names and sizes, never their bytes.
    // Only a form the handler already read is described: reading it here would block on the socket.
    private static string? Describe(HttpContext context) =>
        context.Features.Get<IFormFeature>()?.Form is { Files.Count: > 0 } form
            ? string.Join(", ", form.Files.Select(f => $"{f.Name}={f.FileName} ({f.Length} bytes)"))
            : null;
}
