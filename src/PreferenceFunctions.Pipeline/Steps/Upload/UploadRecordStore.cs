using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>Blobs that make upload chunks safe to repeat: a start marker and the finished chunk's record.</summary>
public sealed class UploadRecordStore(StorageConnection storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<UploadedChunk?> ReadAsync(string runsContainer, string runId, int chunkIndex, CancellationToken cancellationToken = default)
    {
        var blob = Container(runsContainer).GetBlobClient(RunBlobs.UploadedChunk(runId, chunkIndex));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<UploadedChunk>(Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every finished chunk of a run, in chunk order.</summary>
    public async Task<IReadOnlyList<UploadedChunk>> ReadAllAsync(string runsContainer, string runId, CancellationToken cancellationToken = default)
    {
        var container = Container(runsContainer);
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{runId}/uploads/" }, cancellationToken))
            if (item.Name.EndsWith(".json", StringComparison.Ordinal)) names.Add(item.Name);
        // Several reads in flight: a 100,000-matchup run has 400 records, one round trip each.
        var chunks = new UploadedChunk[names.Count];
        await Parallel.ForAsync(0, names.Count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            chunks[i] = (await container.GetBlobClient(names[i]).DownloadContentAsync(ct)).Value.Content.ToObjectFromJson<UploadedChunk>(Json)!);
        return chunks.OrderBy(c => c.Result.ChunkIndex).ToList();
    }

    /// <summary>Marks the chunk as started; false when it was started before (an earlier attempt was interrupted).</summary>
    public async Task<bool> MarkStartedAsync(string runsContainer, string runId, int chunkIndex, CancellationToken cancellationToken = default)
    {
        var blob = Container(runsContainer).GetBlobClient(RunBlobs.UploadStarted(runId, chunkIndex));
        try
        {
            await blob.UploadAsync(BinaryData.FromString(""), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task WriteAsync(string runsContainer, string runId, UploadedChunk chunk, CancellationToken cancellationToken = default) =>
        Container(runsContainer).GetBlobClient(RunBlobs.UploadedChunk(runId, chunk.Result.ChunkIndex))
            .UploadAsync(BinaryData.FromObjectAsJson(chunk, Json), overwrite: true, cancellationToken);

    private BlobContainerClient Container(string name) => storage.Blobs.GetBlobContainerClient(name);
}
