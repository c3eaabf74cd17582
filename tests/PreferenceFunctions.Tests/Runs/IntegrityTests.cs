using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using SkiaSharp;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>
/// Cache poisoning: an image replaced between staging and upload must never reach Rapidata, and MediaAssets must never
/// remember the replacement under the staged image's hash (where every later run with that image would reuse it).
/// </summary>
public sealed class IntegrityTests
{
    [Fact]
    public async Task UploadChunk_ImageSwappedAfterStaging_FailsNamingItAndNothingIsUploadedOrCached()
    {
        await using var harness = await RunHarness.StartAsync();
        var dataset = "swap-" + Guid.NewGuid().ToString("N")[..8];
        await harness.Datasets.UploadBlobAsync($"{dataset}/a.png", BinaryData.FromBytes(RandomPng()));
        await harness.Datasets.UploadBlobAsync($"{dataset}/b.png", BinaryData.FromBytes(RandomPng()));
        await harness.Datasets.UploadBlobAsync($"{dataset}/matchups.csv", BinaryData.FromString("prompt,image1,image2,model1,model2\na fox,a.png,b.png,m1,m2\n"));
        var runId = dataset + "-run";
        ITaskActivity load = ActivatorUtilities.CreateInstance<LoadDatasetActivity>(harness.Services);
        var staged = (StagedDataset)(await load.RunAsync(new TestActivityContext("load", runId),
            new StageDatasetRequest(harness.DatasetsContainer, dataset, runId, harness.RunsContainer)))!;
        Assert.True(staged.Accepted, string.Join("; ", staged.FirstErrors));
        var chunk = await new ManifestStore(harness.Storage.Blobs).ReadChunkAsync(harness.RunsContainer, staged.ChunkBlobNames[0]);
        var stagedSha = chunk.Matchups[0].Image1.Sha256!;
        ITaskActivity create = ActivatorUtilities.CreateInstance<CreateOrderActivity>(harness.Services);
        var order = (OrderReference)(await create.RunAsync(new TestActivityContext("create", runId), new CreateOrderInput(runId, staged.Settings)))!;

        // The attack: someone with write access to the datasets container swaps the image after it was validated.
        await harness.Datasets.GetBlobClient($"{dataset}/a.png").UploadAsync(BinaryData.FromBytes(RandomPng()), overwrite: true);
        ITaskActivity upload = ActivatorUtilities.CreateInstance<UploadChunkActivity>(harness.Services);
        var input = new UploadChunkInput(runId, harness.DatasetsContainer, dataset, harness.RunsContainer, staged.ChunkBlobNames[0], 0, order.DatasetId);
        var error = await Assert.ThrowsAsync<StagedImageChangedException>(() => upload.RunAsync(new TestActivityContext("upload", runId), input));

        Assert.Equal("a.png", error.ImagePath);
        Assert.Contains("changed after the dataset was staged", error.Message);
        var cached = await harness.Storage.Tables.GetTableClient(TableNames.MediaAssets)
            .QueryAsync<MediaAssetEntity>(e => e.PartitionKey == MediaAssetEntity.PartitionFor(stagedSha)).ToListAsync();
        Assert.DoesNotContain(cached, e => e.RowKey.StartsWith(stagedSha, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/asset/file" && r.Body?.Contains("a.png") == true);
        Assert.True(harness.Emulator.Requests.Entries.Count(r => r.Method == "POST" && r.Path == "/asset/file") <= 1); // b.png at most
    }

    private static byte[] RandomPng()
    {
        var pixels = new byte[32 * 32 * 4];
        Random.Shared.NextBytes(pixels);
        using var bitmap = new SKBitmap(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
