using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PreferenceFunctions.Emulator.Admin;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Assets;

/// <summary>
/// POST /asset/file: multipart field "file"; the bytes are streamed through a hash and dropped, only name, size and hash
/// stay. POST /asset/url: nothing is fetched (the emulator stays offline); the URL's last segment is the original name.
/// </summary>
internal static class AssetEndpoints
{
    public static void MapAssetEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("POST", "/asset/file", UploadAsync).DisableAntiforgery();
        routes.MapContract("POST", "/asset/url", UploadFromUrl);
    }

    private static IResult UploadFromUrl(HttpRequest request, EmulatorState state)
    {
        var text = request.Query["url"].ToString();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return Problems.Validation("url", $"'{text}' is not an absolute http(s) URL.");
        var originalName = Uri.UnescapeDataString(url.Segments[^1]);
        if (originalName is "" or "/")
            return Problems.Validation("url", $"'{text}' names no file.");
        var urlHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.ToString())));
        var asset = new AssetRecord(urlHash[..32] + Path.GetExtension(originalName).ToLowerInvariant(), originalName, 0, urlHash);
        RequestLogMiddleware.SetBody(request.HttpContext, $"url={url}");
        state.Assets[asset.FileName] = asset;
        state.Changed();
        return Results.Ok(new UploadFileOutput(asset.FileName, [], false, null, null));
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, EmulatorState state)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Problems.Validation("file", "The request must be multipart/form-data with a part named 'file'.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal))
            {
                continue;
            }

            var originalName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (string.IsNullOrWhiteSpace(originalName))
            {
                return Problems.Validation("file", "The 'file' part has no file name (Content-Disposition filename).");
            }

            var asset = await StoreAsync(section.Body, originalName, request.HttpContext.RequestAborted);
            if (asset.SizeBytes == 0)
            {
                return Problems.Validation("file", $"The file '{originalName}' is empty.");
            }

            RequestLogMiddleware.SetBody(request.HttpContext, $"file={originalName} ({asset.SizeBytes} bytes)");
            state.Assets[asset.FileName] = asset;
            state.Changed();
            return Results.Ok(new UploadFileOutput(asset.FileName, [], false, asset.SizeBytes, asset.SizeBytes));
        }

        return Problems.Validation("file", "The file field is required.");
    }

    private static async Task<AssetRecord> StoreAsync(Stream body, string originalName, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        long size = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        var contentHash = Convert.ToHexStringLower(hash.GetCurrentHash());
        hash.AppendData(Encoding.UTF8.GetBytes(originalName));

        // Same bytes under the same name give the same server-side name; the real API's names are opaque too.
        var fileName = Convert.ToHexStringLower(hash.GetHashAndReset())[..32] + Path.GetExtension(originalName).ToLowerInvariant();
        return new AssetRecord(fileName, originalName, size, contentHash);
    }
}

/// <summary>UploadFileEndpoint_Output.</summary>
internal sealed record UploadFileOutput(string FileName, string[] Warnings, bool WasCompressed, long? OriginalSizeBytes, long? FinalSizeBytes);
