using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>Reads and writes a run's dataset blobs: validation report, manifest and chunks (all JSON, camelCase).</summary>
public sealed class ManifestStore(BlobServiceClient blobs)
{
    public Task<DatasetManifest> ReadManifestAsync(string runsContainer, string blobName, CancellationToken cancellationToken = default) =>
        ReadAsync<DatasetManifest>(runsContainer, blobName, cancellationToken);

    public Task<ManifestChunk> ReadChunkAsync(string runsContainer, string blobName, CancellationToken cancellationToken = default) =>
        ReadAsync<ManifestChunk>(runsContainer, blobName, cancellationToken);

    public Task<ValidationReport> ReadReportAsync(string runsContainer, string blobName, CancellationToken cancellationToken = default) =>
        ReadAsync<ValidationReport>(runsContainer, blobName, cancellationToken);

    public Task WriteJsonAsync<T>(string runsContainer, string blobName, T value, bool indented, CancellationToken cancellationToken = default) =>
        WriteAsync(runsContainer, blobName, JsonSerializer.SerializeToUtf8Bytes(value, indented ? DatasetJson.Indented : DatasetJson.Options), "application/json", cancellationToken);

    public Task WriteTextAsync(string runsContainer, string blobName, string text, CancellationToken cancellationToken = default) =>
        WriteAsync(runsContainer, blobName, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", cancellationToken);

    private async Task<T> ReadAsync<T>(string container, string blobName, CancellationToken cancellationToken)
    {
        var content = await blobs.GetBlobContainerClient(container).GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<T>(DatasetJson.Options)
            ?? throw new InvalidDataException($"{container}/{blobName} holds JSON null.");
    }

    private async Task WriteAsync(string container, string blobName, byte[] bytes, string contentType, CancellationToken cancellationToken) =>
        await blobs.GetBlobContainerClient(container).GetBlobClient(blobName).UploadAsync(new BinaryData(bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
}
