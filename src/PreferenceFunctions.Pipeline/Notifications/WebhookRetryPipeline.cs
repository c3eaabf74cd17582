using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace PreferenceFunctions.Pipeline.Notifications;

/// <summary>
/// The webhook retry policy, from Microsoft.Extensions.Http.Resilience: transient outcomes (network errors, attempt
/// timeouts, 408, 429, 5xx) are retried with exponential backoff and jitter, capped; Retry-After is honoured.
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
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    NotificationLog.WebhookRetrying(logger, args.Context.Properties.GetValue(targetKey, "?"), args.AttemptNumber + 1, outcome, args.RetryDelay);
                    return default;
                },
            });
        }
        return builder.AddTimeout(options.WebhookAttemptTimeout).Build();
    }
}
