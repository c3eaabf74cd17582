using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// The run's own copy of its images: staging copies images.zip and every referenced loose image into
/// <c>{runsContainer}/{runId}/staged/</c> (a server-side copy) and validates and hashes the copy, so every later read
/// (upload, report) sees exactly the bytes that were staged, whatever happens to the dataset folder afterwards. The runs
/// container is written only by the app.
/// </summary>
public static class StagedImages
{
    public static string FolderFor(string runId) => $"{runId}/staged";

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/>, only if the source still has <paramref name="sourceETag"/> (when given).</summary>
    public static async Task CopyAsync(BlobClient source, BlobClient target, Azure.ETag? sourceETag, CancellationToken cancellationToken)
    {
        var options = new BlobCopyFromUriOptions { SourceConditions = sourceETag is { } etag ? new BlobRequestConditions { IfMatch = etag } : null };
        var copy = await target.StartCopyFromUriAsync(source.Uri, options, cancellationToken);
        await copy.WaitForCompletionAsync(cancellationToken);
    }
}
