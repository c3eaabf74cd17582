using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace PreferenceFunctions.Emulator.Faults;

/// <summary>Answers requests inside an outage window with its status; otherwise adds latency and answers 429/503/5xx at the
/// configured per-endpoint rates. Every injected error carries a problem+json body. The admin API is never faulted.</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, EmulatorOptions options, FaultControl control)
{
    private readonly Lock diceLock = new();
    private Random? dice;
    private int diceSeed;

    public async Task InvokeAsync(HttpContext context)
    {
        var faults = options.Faults;
        if ((faults.Rules.Count == 0 && faults.Outages.Count == 0) || EmulatorPaths.IsAdmin(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (control.ActiveOutage(faults, context) is { } outage)
        {
            var until = outage.StartsAt is { } start ? $" until {(start + outage.Duration).ToString("O", CultureInfo.InvariantCulture)}" : "";
            await FailAsync(context, outage.Status, outage.RetryAfterSeconds,
                $"Simulated outage injected by the Rapidata emulator ({outage.Endpoint}){until}.");
            return;
        }

        var rule = faults.Rules.FirstOrDefault(r => EndpointSelector.Matches(r.Endpoint, context));
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
            : roll < rule.TooManyRequestsRate + rule.ServiceUnavailableRate + rule.ServerErrorRate ? rule.ServerErrorStatus
            : 0;
        if (status == 0)
        {
            await next(context);
            return;
        }

        int? retryAfter = status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable ? rule.RetryAfterSeconds : null;
        await FailAsync(context, status, retryAfter, $"Simulated {status} injected by the Rapidata emulator (rule {rule.Endpoint}).");
    }

    private static Task FailAsync(HttpContext context, int status, int? retryAfterSeconds, string detail)
    {
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var title = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Server Error";
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
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
