using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>Renders a run's HTML report with the dataset's own images and stores it as <c>{runId}/report.html</c>.</summary>
public sealed class RunReportWriter(StorageConnection storage, DatasetImageReader images, IOptions<PreferenceOptions> options)
{
    /// <param name="imagesContainer">The container and folder holding the images: the run's staged copy, or the dataset
    /// folder for runs staged before images were copied.</param>
    public async Task<string> WriteAsync(string runId, string title, PreferenceAnalysis analysis, string imagesContainer, string imagesFolder,
        IReadOnlyDictionary<string, ManifestImage> imagesByPath, RoundsLog? rounds = null, CancellationToken cancellationToken = default)
    {
        await using var session = images.OpenSession(imagesContainer, imagesFolder);
        async Task<byte[]?> Load(string path, CancellationToken ct)
        {
            if (!imagesByPath.TryGetValue(path, out var image)) return null;
            // Only the staged bytes are shown: an image replaced since staging becomes a placeholder.
            await using var content = await session.OpenAsync(image, ct);
            return await StagedBytes.ReadVerifiedAsync(content, image, ct);
        }
        var html = await ReportRenderer.RenderHtmlAsync(analysis, Load, new ReportOptions(Title: title, Rounds: rounds), cancellationToken);
        var blob = storage.Blobs.GetBlobContainerClient(options.Value.RunsContainer).GetBlobClient(RunBlobs.Report(runId));
        await blob.UploadAsync(BinaryData.FromString(html), overwrite: true, cancellationToken);
        return blob.Name;
    }
}
