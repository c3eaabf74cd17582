using Azure.Storage.Blobs;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Reads the bytes of a manifest image from a folder laid out like a dataset: the run's staged copy in the runs container
/// (<see cref="Stage.Images.StagedImages"/>) or, for runs staged before images were copied, the dataset folder. For many images from one dataset (an upload chunk) use
/// <see cref="OpenSession"/>, which opens images.zip once; <see cref="OpenAsync"/> opens it per call.
/// </summary>
public sealed class DatasetImageReader(BlobServiceClient blobs)
{
    public DatasetImageSession OpenSession(string container, string folder) =>
        new(blobs.GetBlobContainerClient(container), folder.Trim('/'));

    public async Task<Stream> OpenAsync(string container, string folder, ManifestImage image, CancellationToken ct)
    {
        await using var session = OpenSession(container, folder);
        return await session.OpenAsync(image, ct);
    }
}
