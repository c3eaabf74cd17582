using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using PreferenceFunctions.Rapidata.Http;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

/// <summary>
/// Client of the Rapidata REST API for compare orders: validation sets, orders, asset uploads, datapoints, crowd
/// progress and results. Register it with <see cref="RapidataServiceCollectionExtensions.AddRapidataClient"/>: tokens, retries
/// and timeouts live in its HttpClient pipeline. Every failure surfaces as a <see cref="RapidataRequestException"/>.
/// </summary>
public sealed partial class RapidataClient(HttpClient httpClient, ILogger<RapidataClient> logger)
{
    private async Task<T> SendForJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, JsonBody(body), HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendForNoContentAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, JsonBody(body), HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Sends one request through the pipeline; a non-success status becomes a <see cref="RapidataRequestException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new RapidataRequestException(method.Method, "/" + path, 0, "No response within the configured timeout", e.Message, null, null, e);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RapidataRequestException(method.Method, "/" + path, 0, "Network error", e.Message, null, null, e);
        }
        if (response.IsSuccessStatusCode) return response;

        using (response)
        {
            var error = await ProblemDetailsReader.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
            LogRequestFailed(logger, error.Method, error.Path, error.StatusCode, error.TraceId);
            throw error;
        }
    }

    private static JsonContent? JsonBody(object? body) =>
        body is null ? null : JsonContent.Create(body, body.GetType(), options: RapidataJson.Options);

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(RapidataJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The response body is null.");
        }
        catch (JsonException e)
        {
            var request = response.RequestMessage;
            var traceId = response.Headers.TryGetValues(ProblemDetailsReader.TraceIdHeader, out var ids) ? ids.FirstOrDefault() : null;
            throw new RapidataRequestException(request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                (int)response.StatusCode, $"Unexpected response body (expected {typeof(T).Name})", e.Message, null, traceId, e);
        }
    }

    private static string Segment(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return Uri.EscapeDataString(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rapidata {Method} {Path} failed with {StatusCode} (trace id {TraceId})")]
    private static partial void LogRequestFailed(ILogger logger, string method, string path, int statusCode, string? traceId);
}
