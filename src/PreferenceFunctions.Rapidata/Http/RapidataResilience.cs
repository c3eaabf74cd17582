using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace PreferenceFunctions.Rapidata.Http;

/// <summary>
/// The one place retries live: 408, 429, 502, 503, 504 and network errors are retried with exponential back-off,
/// or after the server's <c>Retry-After</c> (capped); 500 and every other 4xx fail at once, as the Python SDK does.
/// </summary>
internal static partial class RapidataResilience
{
    /// <summary>The number of the attempt under way (1 = first), for the telemetry handler's span and retry counter.</summary>
    private static readonly ResiliencePropertyKey<int> AttemptKey = new("rapidata.attempt");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, RapidataClientOptions options, ILogger logger)
    {
        builder
            .AddTimeout(options.Timeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter, DateTimeOffset.UtcNow)),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(AttemptKey, args.AttemptNumber + 2);
                    LogRetry(logger, args.AttemptNumber + 1, args.RetryDelay,
                        args.Outcome.Result is { } response ? (int)response.StatusCode : 0, args.Outcome.Exception?.GetType().Name);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }

    internal static int AttemptOf(HttpRequestMessage request) =>
        request.GetResilienceContext()?.Properties.GetValue(AttemptKey, 1) ?? 1;

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or a date), capped; null falls back to back-off.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > cap ? cap : wait;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rapidata call retried (attempt {Attempt}) in {Delay} after status {StatusCode} {Exception}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, int statusCode, string? exception);
}
