using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// <c>POST /api/datasets/{dataset}</c> (the dashboard's drop zone): receives a dataset folder's files, checks them with the
/// rules of <c>validate</c> and <c>upload</c>, and only when the folder would be accepted writes them to the datasets
/// container, matchups.csv last, so the trigger starts the run on a complete dataset. Nothing existing is overwritten.
/// </summary>
public sealed class DatasetUploadApi(StorageConnection storage, IOptions<PreferenceOptions> preference, IOptions<DatasetOptions> datasets)
{
    private const int ParallelUploads = 8;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task<IResult> UploadAsync(string dataset, HttpRequest request, CancellationToken cancellationToken)
    {
        if (DatasetUploadRules.NameProblem(dataset) is { } nameProblem) return Problems.Validation("dataset", $"Dataset name: {nameProblem}.");
        var container = storage.Blobs.GetBlobContainerClient(preference.Value.DatasetsContainer);
        if (await HasFilesAsync(container, dataset, cancellationToken))
            return InUse(container.Name, dataset);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = DatasetUploadRules.MaxDatasetBytes + 4 * 1024 * 1024; // room for the parts' headers

        var workspace = Directory.CreateTempSubdirectory("dataset-upload-");
        try
        {
            // The folder carries the dataset's name: the check names the dataset after its folder.
            var folder = Path.Combine(workspace.FullName, dataset);
            var (files, bytes, problem) = await DatasetUploadReceiver.ReceiveAsync(request, folder, datasets.Value, cancellationToken);
            if (problem is not null) return problem;
            var check = await LocalDatasetFolder.CheckAsync(folder, datasets.Value, preference.Value, cancellationToken);
            if (!check.Report.Accepted) return Rejected(check.Report, dataset);

            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var csvETag = await WriteAsync(container, dataset, folder, files, cancellationToken);
            if (csvETag is null) return InUse(container.Name, dataset);
            var runId = RunIds.ForDatasetVersion(container.Name, dataset, csvETag);
            return HttpResults.Json(new
            {
                dataset, container = container.Name, files = files.Count, bytes, runId, links = new { run = $"/api/runs/{runId}" },
            }, ApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            return Problems.BadRequest("The request body is not readable multipart/form-data.", e.Message);
        }
        finally
        {
            workspace.Delete(recursive: true); // this request's own copy; the dataset lives on in the container
        }
    }

    /// <returns>The ETag of the written matchups.csv, or null when another upload wrote one of the files first.</returns>
    private static async Task<string?> WriteAsync(BlobContainerClient container, string dataset, string folder, IReadOnlyList<string> files,
        CancellationToken cancellationToken)
    {
        var clashes = 0;
        await Parallel.ForEachAsync(files.Where(f => f != DatasetFiles.Matchups),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = cancellationToken }, async (file, ct) =>
            {
                if (await WriteFileAsync(container, dataset, folder, file, ct) is null) Interlocked.Increment(ref clashes);
            });
        if (clashes > 0) return null;
        return await WriteFileAsync(container, dataset, folder, DatasetFiles.Matchups, cancellationToken);
    }

    private static async Task<string?> WriteFileAsync(BlobContainerClient container, string dataset, string folder, string file,
        CancellationToken cancellationToken)
    {
        var contentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await using var content = File.OpenRead(Path.Combine(folder, file.Replace('/', Path.DirectorySeparatorChar)));
        try
        {
            var written = await container.GetBlobClient($"{dataset}/{file}").UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, // never overwrite a file already there
            }, cancellationToken);
            return written.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    private static async Task<bool> HasFilesAsync(BlobContainerClient container, string dataset, CancellationToken cancellationToken)
    {
        if (!await container.ExistsAsync(cancellationToken)) return false;
        await foreach (var _ in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{dataset}/", cancellationToken)) return true;
        return false;
    }

    private static IResult InUse(string container, string dataset) => Problems.Conflict(
        $"The dataset '{dataset}' already has files in the {container} container; choose another name (uploads never replace files).");

    /// <summary>400 with the validation report (every problem with its file, row and column), as <c>validate --json</c> prints it.</summary>
    private static IResult Rejected(Pipeline.Steps.Stage.Validation.ValidationReport report, string dataset) => HttpResults.Json(new
    {
        type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        title = "The dataset would be rejected.",
        status = StatusCodes.Status400BadRequest,
        detail = $"{dataset}: {report.ErrorCount} error(s), {report.WarningCount} warning(s); nothing was written.",
        validation = JsonSerializer.SerializeToElement(report, DatasetJson.Options),
    }, ApiJson.Options, "application/problem+json", StatusCodes.Status400BadRequest);
}
