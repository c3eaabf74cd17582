using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// The webhook retry policy, from Microsoft.Extensions.Http.Resilience: transient outcomes (network errors, attempt
/// timeouts, 408, 429, 5xx) are retried with exponential backoff and jitter, capped; Retry-After is honoured up to
/// the same cap, so a receiver cannot hold a run's Notify step for hours.
/// </summary>
internal static class WebhookRetryPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(
        NotificationOptions options, TimeProvider time, ILogger logger, ResiliencePropertyKey<string> targetKey)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.WebhookMaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.WebhookMaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.WebhookRetryDelay,
                MaxDelay = options.WebhookMaxRetryDelay,
                ShouldRetryAfterHeader = false, // replaced by the capped generator below
                ShouldHandle = args => args.Outcome.Exception is HttpRequestException { InnerException: WebhookRefusedException }
                    ? PredicateResult.False()
                    : new ValueTask<bool>(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                DelayGenerator = args => new(RetryAfter(args.Outcome.Result, time, options.WebhookMaxRetryDelay)),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    var target = args.Context.Properties.GetValue(targetKey, "?");
                    NotificationLog.WebhookRetrying(logger, target, args.AttemptNumber + 1, outcome, args.RetryDelay);
                    return default;
                },
            });
        }
        return builder.AddTimeout(options.WebhookAttemptTimeout).Build();
    }

    /// <returns>The response's Retry-After, at most <paramref name="cap"/>; null (use the backoff) when absent.</returns>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? header?.Date - time.GetUtcNow();
        if (delay is not { } wait) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }
}
