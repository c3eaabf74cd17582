using Azure.Storage.Blobs;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Reads the bytes of a manifest image. For many images from one dataset (an upload chunk) use
/// <see cref="OpenSession"/>, which opens images.zip once; <see cref="OpenAsync"/> opens it per call.
/// </summary>
public sealed class DatasetImageReader(BlobServiceClient blobs)
{
    public DatasetImageSession OpenSession(string datasetsContainer, string datasetFolder) =>
        new(blobs.GetBlobContainerClient(datasetsContainer), datasetFolder.Trim('/'));

    public async Task<Stream> OpenAsync(string datasetsContainer, string datasetFolder, ManifestImage image, CancellationToken ct)
    {
        await using var session = OpenSession(datasetsContainer, datasetFolder);
        return await session.OpenAsync(image, ct);
    }
}
