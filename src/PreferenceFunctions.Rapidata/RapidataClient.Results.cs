using System.Net;
using PreferenceFunctions.Rapidata.Http;
using PreferenceFunctions.Rapidata.Results;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>
    /// The raw results document of a completed order (<c>GET /order/{id}/download-results</c>) as a stream read straight
    /// from the network: nothing is buffered. The caller disposes it; parse it with
    /// <see cref="CompareResultsDocument.ParseAsync"/> or keep the bytes.
    /// </summary>
    public async Task<Stream> DownloadResultsAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"order/{Segment(orderId, nameof(orderId))}/download-results", null,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The same aggregation from <c>GET /order/{id}/results</c>, parsed. The contract types this body as a JSON string;
    /// a document wrapped in a string and a plain document are both accepted.
    /// </summary>
    public async Task<CompareResultsDocument> GetResultsAsync(string orderId, CompareResultsParseOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"order/{Segment(orderId, nameof(orderId))}/results", null,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await CompareResultsDocument.ParseAsync(body, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts building a snapshot of an unfinished order's results (<c>POST /pipeline/{id}/preliminary-download</c>).</summary>
    /// <returns>The download id to poll with <see cref="GetPreliminaryDownloadAsync"/>.</returns>
    public async Task<string> StartPreliminaryDownloadAsync(string pipelineId, CancellationToken cancellationToken = default)
    {
        var started = await SendForJsonAsync<StartPreliminaryDownloadResponse>(HttpMethod.Post,
            $"pipeline/{Segment(pipelineId, nameof(pipelineId))}/preliminary-download", new StartPreliminaryDownloadBody(SendEmail: false),
            cancellationToken).ConfigureAwait(false);
        return started.DownloadId;
    }

    /// <summary>
    /// The preliminary results document once built (<c>GET /pipeline/preliminary-download/{id}</c>), or null while the
    /// server still answers 202. The caller disposes the stream.
    /// </summary>
    public async Task<Stream?> GetPreliminaryDownloadAsync(string downloadId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"pipeline/preliminary-download/{Segment(downloadId, nameof(downloadId))}", null,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            response.Dispose();
            return null;
        }
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Stream> OwnedBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return new ResponseOwningStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
