using System.Globalization;
using PreferenceFunctions.Emulator.Contracts;

namespace PreferenceFunctions.Emulator.Faults;

/// <summary>Adds latency and answers 429/503 (with Retry-After) at the configured per-endpoint rates.</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, EmulatorOptions options)
{
    private readonly Lock diceLock = new();
    private Random? dice;
    private int diceSeed;

    public async Task InvokeAsync(HttpContext context)
    {
        var faults = options.Faults;
        if (faults.Rules.Count == 0 || EmulatorPaths.IsAdmin(context.Request.Path))
        {
            await next(context);
            return;
        }

        var rule = faults.Rules.FirstOrDefault(r => Matches(r.Endpoint, context));
        if (rule is null)
        {
            await next(context);
            return;
        }

        if (rule.LatencyMs > 0)
        {
            await Task.Delay(rule.LatencyMs, context.RequestAborted);
        }

        var roll = Roll(faults.Seed);
        var status = roll < rule.TooManyRequestsRate ? StatusCodes.Status429TooManyRequests
            : roll < rule.TooManyRequestsRate + rule.ServiceUnavailableRate ? StatusCodes.Status503ServiceUnavailable
            : 0;
        if (status == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = rule.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }

    private static bool Matches(string endpoint, HttpContext context)
    {
        if (endpoint is "*" or "")
        {
            return true;
        }

        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var method = space < 0 ? null : endpoint[..space];
        var path = space < 0 ? endpoint : endpoint[(space + 1)..];
        if (method is not null && !HttpMethods.Equals(method, context.Request.Method))
        {
            return false;
        }

        var template = context.GetEndpoint()?.Metadata.GetMetadata<ContractOperation>()?.PathTemplate
            ?? (context.Request.Path.StartsWithSegments(EmulatorPaths.Token) ? EmulatorPaths.Token : null);
        return string.Equals(path, template, StringComparison.OrdinalIgnoreCase)
            || string.Equals(path, context.Request.Path.Value, StringComparison.OrdinalIgnoreCase);
    }

    private double Roll(int seed)
    {
        lock (diceLock)
        {
            if (dice is null || diceSeed != seed)
            {
                dice = new Random(seed);
                diceSeed = seed;
            }

            return dice.NextDouble();
        }
    }
}
