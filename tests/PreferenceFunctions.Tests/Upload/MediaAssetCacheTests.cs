using System.Security.Cryptography;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Emulator.Admin;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Upload;

/// <summary>
/// The cache of uploaded images on Azurite, a chunk's images at a time: a lookup reads the log's new bytes and the found
/// records, a save is one append to the log; no table is asked.
/// </summary>
public sealed class MediaAssetCacheTests
{
    [Fact]
    public async Task SaveAndFind_230Assets_OneAppendThenTheFoundRecordsInOneRead()
    {
        await using var harness = await RunHarness.StartAsync();
        var cache = harness.Services.GetRequiredService<MediaAssetCache>();
        var saved = Enumerable.Range(0, 230).Select(_ => NewSha256()).ToList();
        var unknown = Enumerable.Range(0, 20).Select(_ => NewSha256()).ToList();
        var assets = saved.Select(sha256 => new MediaAsset(sha256, $"asset-{sha256[..8]}", $"{sha256[..8]}.png", 100)).ToList();
        var appendsBefore = await AppendsAsync(harness);
        using var requests = new HttpRequestRecorder();

        await cache.SaveAsync(assets, CancellationToken.None);
        var found = await cache.FindAsync([.. saved, .. unknown], CancellationToken.None);

        Assert.Equal(saved.Order(), found.Keys.Order());
        Assert.All(saved, sha256 => Assert.Equal($"asset-{sha256[..8]}", found[sha256].AssetName));
        Assert.Equal(appendsBefore + 1, await AppendsAsync(harness));
        var reads = requests.ToContainer(MediaAssetLog.ContainerName).Count(r => r.Method == "GET");
        Assert.True(reads <= 3, $"a listing, the new bytes and the found records; was {reads}");
        Assert.Empty(requests.ToTable("MediaAssets"));
    }

    [Fact]
    public async Task UploadChunk_HalfTheImagesCached_UploadsTheRestAndSavesThemWithOneAppend()
    {
        await using var harness = await RunHarness.StartAsync();
        var (runId, dataset, staged, order) = await StageGeneratedAsync(harness, matchups: 60);
        var chunk = await new ManifestStore(harness.Storage.Blobs).ReadChunkAsync(harness.RunsContainer, staged.ChunkBlobNames[0]);
        var images = chunk.Matchups.SelectMany(m => new[] { m.Image1, m.Image2 }).DistinctBy(i => i.Sha256).ToList();
        var cache = harness.Services.GetRequiredService<MediaAssetCache>();
        await using (var session = harness.Services.GetRequiredService<DatasetImageReader>().OpenSession(harness.RunsContainer, chunk.StagedImagesFolder!))
        {
            foreach (var image in images.Where((_, i) => i % 2 == 0))
                await cache.GetOrUploadAsync(image, image.FileName, () => session.OpenAsync(image, CancellationToken.None), CancellationToken.None);
        }
        var uploadsBefore = harness.Emulator.Requests.Entries.Count(IsAssetUpload);
        var appendsBefore = await AppendsAsync(harness);
        using var requests = new HttpRequestRecorder();

        ITaskActivity upload = ActivatorUtilities.CreateInstance<UploadChunkActivity>(harness.Services);
        var input = new UploadChunkInput(runId, harness.DatasetsContainer, dataset, harness.RunsContainer, staged.ChunkBlobNames[0], 0, order.DatasetId);
        var result = (UploadChunkResult)(await upload.RunAsync(new TestActivityContext("upload", runId), input))!;

        Assert.Equal(120, images.Count);
        Assert.Equal((60, 60, 60), (result.AssetsUploaded, result.AssetsReused, result.DatapointsCreated));
        Assert.Equal(60, harness.Emulator.Requests.Entries.Count(IsAssetUpload) - uploadsBefore);
        // The 60 new images are saved with one append (was a transaction per partition), before the datapoints name them.
        Assert.Equal(appendsBefore + 1, await AppendsAsync(harness));
        Assert.Empty(requests.ToTable("MediaAssets"));
        var all = await cache.FindAsync(images.Select(i => i.Sha256!), CancellationToken.None);
        Assert.Equal(images.Select(i => i.Sha256!).Order(), all.Keys.Order());
        Assert.All(images, image => Assert.Equal(image.SizeBytes, all[image.Sha256!].SizeBytes));
    }

    private static bool IsAssetUpload(RequestLogEntry request) => request.Method == "POST" && request.Path == "/asset/file";

    /// <summary>Appends to this test's log so far (the log is per Rapidata API, and each test has an emulator of its own).</summary>
    private static async Task<int> AppendsAsync(RunHarness harness)
    {
        var blob = harness.Storage.Blobs.GetBlobContainerClient(MediaAssetLog.ContainerName)
            .GetBlobClient($"{MediaAsset.ApiKeyFor(harness.Emulator.BaseUrl)}/000000");
        return await blob.ExistsAsync() ? (await blob.GetPropertiesAsync()).Value.BlobCommittedBlockCount : 0;
    }

    /// <summary>A random SHA-256, unique to this test (the tests share one Azurite).</summary>
    private static string NewSha256() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static async Task<(string RunId, string Dataset, StagedDataset Staged, OrderReference Order)> StageGeneratedAsync(RunHarness harness, int matchups)
    {
        var folder = Directory.CreateTempSubdirectory("media-assets-");
        try
        {
            // Two images of its own per matchup; a random seed so no other test's run has the same pixels.
            DatasetGenerator.Generate(new GenerateDatasetRequest(folder.FullName, matchups, 2, Seed: Random.Shared.Next(), Zip: false));
            var dataset = "assets-" + Guid.NewGuid().ToString("N")[..8];
            await harness.UploadDatasetAsync(folder.FullName, dataset);
            var runId = dataset + "-run";
            var (staged, order) = await harness.StageAndCreateOrderAsync(dataset, runId);
            return (runId, dataset, staged, order);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
