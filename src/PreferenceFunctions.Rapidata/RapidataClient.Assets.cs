using System.Globalization;
using System.Net.Http.Headers;
using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>
    /// Uploads one file (<c>POST /asset/file</c>, multipart field <c>file</c>) and returns its server-side name.
    /// A non-seekable stream is copied to memory first so that a retried attempt can send it again.
    /// </summary>
    public async Task<UploadedAsset> UploadAssetAsync(Stream content, string fileName, AssetUploadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var body = content;
        if (!content.CanSeek)
        {
            body = new MemoryStream();
            await content.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            body.Position = 0;
        }
        var file = new StreamContent(body);
        file.Headers.ContentType = new MediaTypeHeaderValue(ContentTypeOf(fileName));
        using var form = new MultipartFormDataContent { { file, "file", Path.GetFileName(fileName) } };
        using var response = await SendAsync(HttpMethod.Post, "asset/file" + UploadQuery(options), form,
            HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<UploadedAsset>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets Rapidata fetch an image itself (<c>POST /asset/url?url=</c>), for datasets that reference images by URL;
    /// returns the asset like <see cref="UploadAssetAsync"/>.
    /// </summary>
    public async Task<UploadedAsset> UploadAssetFromUrlAsync(Uri url, AssetUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", nameof(url));
        var extra = UploadQuery(options);
        var query = "?url=" + Uri.EscapeDataString(url.ToString()) + (extra.Length > 0 ? "&" + extra.TrimStart('?') : "");
        using var response = await SendAsync(HttpMethod.Post, "asset/url" + query, null, HttpCompletionOption.ResponseContentRead,
            cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<UploadedAsset>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds one pair to an order's dataset (<c>POST /dataset/{id}/datapoint</c>); returns the datapoint id.</summary>
    public async Task<string> CreateDatapointAsync(string datasetId, CompareDatapoint datapoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datapoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(datapoint.FirstAssetName, nameof(datapoint.FirstAssetName));
        ArgumentException.ThrowIfNullOrWhiteSpace(datapoint.SecondAssetName, nameof(datapoint.SecondAssetName));
        var body = new CreateDatapointBody(
            MultiAssetBody.Pair(datapoint.FirstAssetName, datapoint.SecondAssetName),
            datapoint.Context,
            datapoint.SortIndex,
            datapoint.PrivateMetadata is { Count: > 0 } metadata ? metadata : null);
        var created = await SendForJsonAsync<CreateDatapointResponse>(HttpMethod.Post,
            $"dataset/{Segment(datasetId, nameof(datasetId))}/datapoint", body, cancellationToken).ConfigureAwait(false);
        return created.DatapointId;
    }

    private static string UploadQuery(AssetUploadOptions? options)
    {
        if (options is null) return "";
        var parts = new List<string>();
        if (options.Compress is { } compress) parts.Add("compress=" + (compress ? "true" : "false"));
        if (options.Quality is { } quality) parts.Add("quality=" + quality.ToString(CultureInfo.InvariantCulture));
        if (options.MaxDimension is { } maxDimension) parts.Add("maxdim=" + maxDimension.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>Media types of the files a compare order uses; anything else goes as octet-stream, as the Python SDK does.</summary>
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".webp"] = "image/webp",
        [".gif"] = "image/gif", [".bmp"] = "image/bmp", [".tif"] = "image/tiff", [".tiff"] = "image/tiff",
        [".avif"] = "image/avif", [".heic"] = "image/heic", [".svg"] = "image/svg+xml",
        [".mp4"] = "video/mp4", [".webm"] = "video/webm", [".mov"] = "video/quicktime",
        [".mp3"] = "audio/mpeg", [".wav"] = "audio/wav", [".txt"] = "text/plain",
    };

    private static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";
}
