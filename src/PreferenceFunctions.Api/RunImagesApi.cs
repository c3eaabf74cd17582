using System.Collections.Concurrent;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// <c>GET /api/runs/{runId}/images?path=...</c>: one image of a run's staged matchups (the dashboard's pair gallery). Only
/// paths the run staged are served, and only with the staged bytes (an image replaced since staging is refused).
/// </summary>
public sealed class RunImagesApi(ManifestStore manifests, DatasetImageReader images, IOptions<PreferenceOptions> options)
{
    // The images of the last few runs looked at: a gallery page asks for dozens of images of the same run.
    private static readonly ConcurrentDictionary<string, Task<RunImages?>> Recent = new(StringComparer.Ordinal);
    private const int RunsRemembered = 8;

    public async Task<IResult> GetImageAsync(string runId, HttpRequest request, CancellationToken cancellationToken)
    {
        var path = request.Query["path"].ToString();
        if (path.Length == 0) return Problems.Validation("path", "Give ?path= (an image path as matchups.csv names it).");
        if (Recent.Count > RunsRemembered) Recent.Clear();
        var run = await Recent.GetOrAdd(runId, id => ReadAsync(id, CancellationToken.None));
        if (run is null)
        {
            Recent.TryRemove(runId, out _);
            return Problems.Conflict($"Run {runId} has no staged dataset (it was rejected, or has not been validated yet).");
        }
        if (!run.ByPath.TryGetValue(path, out var image) || image.Source == ImageSource.Url)
            return HttpResults.Problem(title: "Image not found", detail: $"Run {runId} staged no image \"{path}\".",
                statusCode: StatusCodes.Status404NotFound);
        try
        {
            await using var content = await images.OpenAsync(run.Container, run.Folder, image, cancellationToken);
            return HttpResults.Bytes(await StagedBytes.ReadVerifiedAsync(content, image, cancellationToken), ContentTypeOf(image.FileName));
        }
        catch (StagedImageChangedException)
        {
            return Problems.Conflict($"Image \"{path}\" changed since run {runId} staged it.");
        }
        catch (Exception e) when (e is FileNotFoundException or RequestFailedException { Status: 404 })
        {
            return HttpResults.Problem(title: "Image not found", detail: $"\"{path}\" is no longer in the dataset of run {runId}.",
                statusCode: StatusCodes.Status404NotFound);
        }
    }

    private async Task<RunImages?> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        var container = options.Value.RunsContainer;
        DatasetManifest manifest;
        try
        {
            manifest = await manifests.ReadManifestAsync(container, RunBlobs.Manifest(runId), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        var byPath = new Dictionary<string, ManifestImage>(StringComparer.Ordinal);
        string? stagedImagesFolder = null;
        foreach (var chunkBlob in manifest.ChunkBlobNames)
        {
            var chunk = await manifests.ReadChunkAsync(container, chunkBlob, cancellationToken);
            stagedImagesFolder ??= chunk.StagedImagesFolder;
            foreach (var m in chunk.Matchups)
            {
                byPath.TryAdd(m.Image1.Path, m.Image1);
                byPath.TryAdd(m.Image2.Path, m.Image2);
            }
        }
        // The run's own copy of its images (made at staging), as the report shows; the dataset folder for older runs.
        return stagedImagesFolder is null
            ? new RunImages(manifest.DatasetsContainer, manifest.DatasetFolder, byPath)
            : new RunImages(container, stagedImagesFolder, byPath);
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "application/octet-stream",
    };

    private sealed record RunImages(string Container, string Folder, IReadOnlyDictionary<string, ManifestImage> ByPath);
}
