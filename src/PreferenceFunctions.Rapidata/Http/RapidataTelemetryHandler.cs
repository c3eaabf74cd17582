using System.Diagnostics;
using PreferenceFunctions.Rapidata.Telemetry;

namespace PreferenceFunctions.Rapidata.Http;

/// <summary>
/// Innermost handler, so it sees every HTTP attempt: a span per attempt (endpoint template, method, status, retry
/// attempt), the response and retry counters, the duration, and the current <see cref="RapidataCallTally"/>. Tags never
/// carry the query string or headers.
/// </summary>
internal sealed class RapidataTelemetryHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = RapidataEndpoints.Template(request.RequestUri);
        var method = request.Method.Method;
        var attempt = RapidataResilience.AttemptOf(request);
        using var span = RapidataTelemetry.Source.StartActivity($"Rapidata {method} {endpoint}", ActivityKind.Internal);
        span?.SetTag("rapidata.endpoint", endpoint);
        span?.SetTag("http.request.method", method);
        if (attempt > 1) span?.SetTag("http.request.resend_count", attempt - 1);
        RapidataCallTally.Current?.Count(retry: attempt > 1);
        if (attempt > 1) RapidataTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("rapidata.endpoint", endpoint));

        var started = Stopwatch.GetTimestamp();
        var tags = new TagList { { "rapidata.endpoint", endpoint }, { "http.request.method", method } };
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            tags.Add("http.response.status_code", status);
            span?.SetTag("http.response.status_code", status);
            if (status >= 400) span?.SetStatus(ActivityStatusCode.Error, $"HTTP {status}");
            return response;
        }
        catch (Exception e)
        {
            tags.Add("error.type", e.GetType().Name);
            span?.SetTag("error.type", e.GetType().Name);
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            RapidataTelemetry.Responses.Add(1, tags);
            RapidataTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
