using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using PreferenceFunctions.Pipeline.Kernel;
using StandardWebhooks;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// POSTs an event's CloudEvent JSON to a webhook, signed per Standard Webhooks (webhook-id, webhook-timestamp,
/// webhook-signature). Network errors, timeouts, 408, 429 and 5xx are retried with capped exponential backoff;
/// any other non-2xx answer is final.
/// </summary>
/// <remarks>
/// The retry runs around the whole signing step rather than as an HttpClient handler, so every attempt carries a
/// fresh timestamp and signature (receivers reject timestamps older than five minutes) and the same webhook-id.
/// </remarks>
public sealed class WebhookEventSink
{
    public const string HttpClientName = "PreferenceFunctions.Webhooks";
    public const string GuardedHttpClientName = "PreferenceFunctions.RunWebhooks";

    private static readonly ResiliencePropertyKey<string> TargetKey = new("webhook-target");

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<NotificationOptions> _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebhookEventSink(IHttpClientFactory httpClients, IOptions<NotificationOptions> options, TimeProvider time, ILogger<WebhookEventSink> logger)
    {
        _httpClients = httpClients;
        _options = options;
        _time = time;
        _pipeline = WebhookRetryPipeline.Create(options.Value, time, logger, TargetKey);
    }

    public async Task SendAsync(RunWebhook target, RunEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new WebhookDeliveryException($"Webhook URL '{SafeUrl.Describe(target.Url)}' is not an absolute http(s) URL.");
        if (target.Guarded)
        {
            await SendGuardedAsync(target, uri, envelope, cancellationToken);
            return;
        }
        await SendCoreAsync(target, uri, HttpClientName, envelope, cancellationToken);
    }

    /// <summary>A dataset author's webhook: https (or loopback http when allowed), guarded connects, and a generic reason on failure.</summary>
    private async Task SendGuardedAsync(RunWebhook target, Uri uri, RunEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && !(_options.Value.AllowInsecureLocalWebhooks && WebhookAddresses.IsLoopbackHost(uri)))
            throw new WebhookDeliveryException("The run's webhook was not called: it must be an https URL.");
        try
        {
            await SendCoreAsync(target, uri, GuardedHttpClientName, envelope, cancellationToken);
        }
        catch (WebhookDeliveryException e) when (e.InnerException is not null)
        {
            throw new WebhookDeliveryException(e.InnerException is WebhookRefusedException || e.InnerException.InnerException is WebhookRefusedException
                ? "The run's webhook was not called: its host is not a public address."
                : "The run's webhook could not be reached.", e.InnerException);
        }
    }

    private async Task SendCoreAsync(RunWebhook target, Uri uri, string clientName, RunEventEnvelope envelope, CancellationToken cancellationToken)
    {
        var secret = target.Secret ?? _options.Value.WebhookSecret;
        if (secret is not null && WebhookSecrets.Problem(secret) is { } problem)
            throw new WebhookDeliveryException($"The webhook secret for {SafeUrl.Describe(uri)} {problem}.");

        var signer = secret is null ? null : new StandardWebhook(secret);
        var payload = envelope.Json.ToString();
        var client = _httpClients.CreateClient(clientName);
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TargetKey, SafeUrl.Describe(uri));
        try
        {
            using var response = await _pipeline.ExecuteAsync(async attemptContext =>
            {
                attempts++;
                using var request = CreateRequest(uri, envelope, payload, signer);
                return await client.SendAsync(request, attemptContext.CancellationToken);
            }, context);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebhookDeliveryException(
                    $"{SafeUrl.Describe(uri)} answered {(int)response.StatusCode} {response.ReasonPhrase} after {attempts} attempt(s).");
            }
        }
        catch (Exception e) when (e is not WebhookDeliveryException && !cancellationToken.IsCancellationRequested)
        {
            throw new WebhookDeliveryException($"POST to {SafeUrl.Describe(uri)} failed after {attempts} attempt(s): {e.Message}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private HttpRequestMessage CreateRequest(Uri uri, RunEventEnvelope envelope, string payload, StandardWebhook? signer)
    {
        var now = _time.GetUtcNow();
        var content = new ByteArrayContent(envelope.Json.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(RunEventEnvelope.MediaType) { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Add("webhook-id", envelope.Id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (signer is not null) request.Headers.Add("webhook-signature", signer.Sign(envelope.Id, now, payload));
        return request;
    }
}
