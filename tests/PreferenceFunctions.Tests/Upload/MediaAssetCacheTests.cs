using System.Security.Cryptography;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Emulator.Admin;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Upload;

/// <summary>
/// MediaAssets on Azurite, a chunk's images at a time: lookups as point reads of the contents the index names (a filter of
/// OR'ed RowKeys would scan the partition on Table storage), saves as entity-group transactions of at most 100 rows of one
/// partition and one append to the index.
/// </summary>
public sealed class MediaAssetCacheTests
{
    [Fact]
    public async Task SaveAndFind_230AssetsInOnePartition_ThreeTransactionsAndAPointReadPerSavedHash()
    {
        await using var harness = await RunHarness.StartAsync();
        var cache = harness.Services.GetRequiredService<MediaAssetCache>();
        var saved = Enumerable.Range(0, 230).Select(_ => Sha256InPartition('f')).ToList();
        var unknown = Enumerable.Range(0, 20).Select(_ => Sha256InPartition('f')).ToList();
        var assets = saved.Select(sha256 => Asset(sha256, harness)).ToList();
        using var requests = new HttpRequestRecorder();

        await cache.SaveAsync(assets, CancellationToken.None);
        var found = await cache.FindAsync([.. saved, .. unknown], CancellationToken.None);

        Assert.Equal(saved.Order(), found.Keys.Order());
        Assert.All(saved, sha256 => Assert.Equal($"asset-{sha256[..8]}", found[sha256].AssetName));
        var table = requests.ToTable(TableNames.MediaAssets);
        Assert.Equal(3, table.Count(r => r.Method == "POST")); // 100 + 100 + 30
        Assert.Equal(230, table.Count(r => r.Method == "GET")); // a point read per saved hash; the 20 unknown ones the index does not name
        Assert.All(table.Where(r => r.Method == "GET"), r => Assert.Contains("RowKey=", Uri.UnescapeDataString(r.Url.AbsolutePath), StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadChunk_HalfTheImagesCached_UploadsTheRestAndSavesThemAPartitionAtATime()
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
        using var requests = new HttpRequestRecorder();

        ITaskActivity upload = ActivatorUtilities.CreateInstance<UploadChunkActivity>(harness.Services);
        var input = new UploadChunkInput(runId, harness.DatasetsContainer, dataset, harness.RunsContainer, staged.ChunkBlobNames[0], 0, order.DatasetId);
        var result = (UploadChunkResult)(await upload.RunAsync(new TestActivityContext("upload", runId), input))!;

        Assert.Equal(120, images.Count);
        Assert.Equal((60, 60, 60), (result.AssetsUploaded, result.AssetsReused, result.DatapointsCreated));
        Assert.Equal(60, harness.Emulator.Requests.Entries.Count(IsAssetUpload) - uploadsBefore);
        // A point read per cached image (the index names no new one), one transaction per partition of the new images (was
        // an upsert per upload), then one append to the index.
        var table = requests.ToTable(TableNames.MediaAssets);
        Assert.Equal(60, table.Count(r => r.Method == "GET"));
        Assert.Equal(images.Where((_, i) => i % 2 == 1).Select(i => MediaAssetEntity.PartitionFor(i.Sha256!)).Distinct().Count(),
            table.Count(r => r.Method == "POST"));
        Assert.DoesNotContain(table, r => r.Method == "PUT");
        Assert.Equal(120, (await cache.FindAsync(images.Select(i => i.Sha256!), CancellationToken.None)).Count);
    }

    private static bool IsAssetUpload(RequestLogEntry request) => request.Method == "POST" && request.Path == "/asset/file";

    private static MediaAssetEntity Asset(string sha256, RunHarness harness) => new()
    {
        PartitionKey = MediaAssetEntity.PartitionFor(sha256),
        RowKey = MediaAssetEntity.RowKeyFor(sha256, MediaAssetEntity.ApiKeyFor(harness.Emulator.BaseUrl)),
        AssetName = $"asset-{sha256[..8]}",
        OriginalFileName = $"{sha256[..8]}.png",
        ApiBaseUrl = harness.Emulator.BaseUrl.ToString(),
    };

    /// <summary>A random SHA-256 (unique to this test: the tests share one Azurite) in the given partition.</summary>
    private static string Sha256InPartition(char partition) => partition + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))[1..];

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
