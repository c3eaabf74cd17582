using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.StaticFiles;
using PreferenceFunctions.Pipeline.Runs;

namespace PreferenceFunctions.Local.Client;

/// <summary>
/// Uploads a dataset folder the way a user should: every image (and order.json) first, <c>matchups.csv</c> last, so the
/// trigger fires on a complete dataset.
/// </summary>
public sealed class DatasetUploader(BlobContainerClient container, int parallelUploads = 8)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task<DatasetUpload> UploadAsync(string folder, string dataset, IProgress<int>? filesDone = null,
        CancellationToken cancellationToken = default)
    {
        var root = new DirectoryInfo(folder);
        if (!root.Exists) throw new DirectoryNotFoundException($"Dataset folder '{folder}' does not exist.");
        var csv = new FileInfo(Path.Combine(root.FullName, RunStarter.CsvFileName));
        if (!csv.Exists) throw new FileNotFoundException($"'{folder}' has no {RunStarter.CsvFileName} at its top level.", csv.FullName);
        if (string.IsNullOrWhiteSpace(dataset) || dataset.Contains('/'))
            throw new ArgumentException($"Dataset name '{dataset}' must be one folder name (no '/').", nameof(dataset));

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var files = root.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.FullName != csv.FullName && !f.Name.StartsWith('.'))
            .ToList();
        var done = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = parallelUploads, CancellationToken = cancellationToken },
            async (file, ct) =>
            {
                await UploadFileAsync(file, BlobName(dataset, root, file), ct);
                filesDone?.Report(Interlocked.Increment(ref done));
            });
        var uploaded = await UploadFileAsync(csv, BlobName(dataset, root, csv), cancellationToken);
        filesDone?.Report(files.Count + 1);
        var etag = uploaded.ETag.ToString();
        return new DatasetUpload(container.Name, dataset, etag, RunIds.ForDatasetVersion(container.Name, dataset, etag), files.Count + 1);
    }

    private async Task<BlobContentInfo> UploadFileAsync(FileInfo file, string blobName, CancellationToken cancellationToken)
    {
        var contentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        await using var content = file.OpenRead();
        var response = await container.GetBlobClient(blobName).UploadAsync(content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        return response.Value;
    }

    private static string BlobName(string dataset, DirectoryInfo root, FileInfo file) =>
        $"{dataset}/{Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/')}";
}
