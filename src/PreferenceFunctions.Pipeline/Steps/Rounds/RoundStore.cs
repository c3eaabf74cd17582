using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>Reads and writes a run's round blobs (<see cref="RoundBlobs"/>) as JSON.</summary>
public sealed class RoundStore(StorageConnection storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The blob's value, or default when it does not exist.</returns>
    public async Task<T?> ReadAsync<T>(string runsContainer, string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await Blob(runsContainer, blobName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<T>(Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return default;
        }
    }

    public async Task<bool> ExistsAsync(string runsContainer, string blobName, CancellationToken cancellationToken = default) =>
        await Blob(runsContainer, blobName).ExistsAsync(cancellationToken);

    public Task WriteAsync<T>(string runsContainer, string blobName, T value, CancellationToken cancellationToken = default) =>
        Blob(runsContainer, blobName).UploadAsync(BinaryData.FromObjectAsJson(value, Json), overwrite: true, cancellationToken);

    private BlobClient Blob(string container, string name) => storage.Blobs.GetBlobContainerClient(container).GetBlobClient(name);
}
