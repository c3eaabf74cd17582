using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using SkiaSharp;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>
/// Cache poisoning: an image replaced in the dataset folder after staging must never reach Rapidata or the report, and
/// the media asset log must never remember other bytes under the staged image's hash (where every later run with that image
/// would reuse them). Staging copies the images into the run's own folder; upload and report read that copy.
/// </summary>
public sealed class IntegrityTests
{
    [Fact]
    public async Task UploadChunk_ImageSwappedAfterStaging_UploadsTheStagedBytes()
    {
        await using var harness = await RunHarness.StartAsync();
        var (runId, dataset, staged, order) = await StageAsync(harness);
        var chunk = await new ManifestStore(harness.Storage.Blobs).ReadChunkAsync(harness.RunsContainer, staged.ChunkBlobNames[0]);
        var stagedSha = chunk.Matchups[0].Image1.Sha256!;
        var stagedBytes = (await harness.Datasets.GetBlobClient($"{dataset}/a.png").DownloadContentAsync()).Value.Content.ToArray();

        // The attack: someone with write access to the datasets container swaps the image after it was validated.
        var swapped = RandomPng();
        await harness.Datasets.GetBlobClient($"{dataset}/a.png").UploadAsync(BinaryData.FromBytes(swapped), overwrite: true);
        ITaskActivity upload = ActivatorUtilities.CreateInstance<UploadChunkActivity>(harness.Services);
        var input = new UploadChunkInput(runId, harness.DatasetsContainer, dataset, harness.RunsContainer, staged.ChunkBlobNames[0], 0, order.DatasetId);
        var result = (UploadChunkResult)(await upload.RunAsync(new TestActivityContext("upload", runId), input))!;

        Assert.Equal(1, result.DatapointsCreated);
        var cache = harness.Services.GetRequiredService<MediaAssetCache>(); // this test's emulator: the log is per Rapidata API
        var asset = Assert.Single(await cache.FindAsync([stagedSha], CancellationToken.None)).Value;
        // The emulator names an asset by the hash of its bytes and upload name: the staged bytes went up, not the swapped ones.
        Assert.Equal(EmulatorAssetName(stagedBytes, "a.png"), asset.AssetName);
        var swappedSha = Convert.ToHexStringLower(SHA256.HashData(swapped));
        Assert.Empty(await cache.FindAsync([swappedSha], CancellationToken.None));
    }

    [Fact]
    public async Task UploadChunk_RunStagedBeforeImagesWereCopied_SwappedImageFailsNamingIt()
    {
        await using var harness = await RunHarness.StartAsync();
        var (runId, dataset, staged, order) = await StageAsync(harness);
        // A run staged by the previous version has no copy: its chunk reads the dataset folder and checks the staged hash.
        var store = new ManifestStore(harness.Storage.Blobs);
        var chunk = await store.ReadChunkAsync(harness.RunsContainer, staged.ChunkBlobNames[0]);
        var unpacked = chunk.Matchups.Select(m => m with { Image1 = m.Image1 with { PackOffset = null }, Image2 = m.Image2 with { PackOffset = null } }).ToList();
        await store.WriteJsonAsync(harness.RunsContainer, staged.ChunkBlobNames[0], chunk with { StagedImagesFolder = null, Matchups = unpacked }, indented: false);
        var stagedSha = chunk.Matchups[0].Image1.Sha256!;

        await harness.Datasets.GetBlobClient($"{dataset}/a.png").UploadAsync(BinaryData.FromBytes(RandomPng()), overwrite: true);
        ITaskActivity upload = ActivatorUtilities.CreateInstance<UploadChunkActivity>(harness.Services);
        var input = new UploadChunkInput(runId, harness.DatasetsContainer, dataset, harness.RunsContainer, staged.ChunkBlobNames[0], 0, order.DatasetId);
        var error = await Assert.ThrowsAsync<StagedImageChangedException>(() => upload.RunAsync(new TestActivityContext("upload", runId), input));

        Assert.Equal("a.png", error.ImagePath);
        Assert.Contains("Image \"a.png\" changed after the dataset was staged", error.Message);
        Assert.Empty(await harness.Services.GetRequiredService<MediaAssetCache>().FindAsync([stagedSha], CancellationToken.None));
        Assert.DoesNotContain(harness.Emulator.Requests.Entries, r => r.Method == "POST" && r.Path == "/asset/file" && r.Body?.Contains("a.png") == true);
    }

    [Fact]
    public async Task RenderReport_ZipSwappedAfterTheRun_ShowsTheStagedImages()
    {
        await using var harness = await RunHarness.StartAsync();
        var started = await harness.StartRunAsync("kept", await harness.UploadDatasetAsync(RunHarness.SamplePath, "kept"));
        RunHarness.AssertOutcome(await harness.WaitAsync(started.RunId), RunPhase.Completed);
        var report = harness.Runs.GetBlobClient(RunBlobs.Report(started.RunId));
        var before = Thumbnails((await report.DownloadContentAsync()).Value.Content.ToString());
        Assert.NotEmpty(before);

        // Every entry of images.zip replaced by other pixels under the same name, then the report rendered again.
        await harness.Datasets.GetBlobClient("kept/images.zip").UploadAsync(BinaryData.FromBytes(SwappedZip(Path.Combine(RunHarness.SamplePath, "images.zip"))),
            overwrite: true);
        var row = (await harness.RunRowAsync(started.RunId))!;
        var manifest = await new ManifestStore(harness.Storage.Blobs).ReadManifestAsync(harness.RunsContainer, $"{started.RunId}/manifest.json");
        ITaskActivity render = ActivatorUtilities.CreateInstance<RenderReportActivity>(harness.Services);
        await render.RunAsync(new TestActivityContext("report", started.RunId),
            new WriteResultsInput(started.RunId, harness.RunsContainer, row.ResultsBlob!, manifest.ChunkBlobNames));

        var after = Thumbnails((await report.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(before, after);
    }

    private static async Task<(string RunId, string Dataset, StagedDataset Staged, OrderReference Order)> StageAsync(RunHarness harness)
    {
        var dataset = "swap-" + Guid.NewGuid().ToString("N")[..8];
        await harness.Datasets.UploadBlobAsync($"{dataset}/a.png", BinaryData.FromBytes(RandomPng()));
        await harness.Datasets.UploadBlobAsync($"{dataset}/b.png", BinaryData.FromBytes(RandomPng()));
        await harness.Datasets.UploadBlobAsync($"{dataset}/matchups.csv", BinaryData.FromString("prompt,image1,image2,model1,model2\na fox,a.png,b.png,m1,m2\n"));
        var runId = dataset + "-run";
        var (staged, order) = await harness.StageAndCreateOrderAsync(dataset, runId);
        return (runId, dataset, staged, order);
    }

    /// <summary>The emulator's name for an upload: the first 32 hex digits of SHA-256(bytes, then the upload name).</summary>
    private static string EmulatorAssetName(byte[] bytes, string uploadName) =>
        Convert.ToHexStringLower(SHA256.HashData([.. bytes, .. Encoding.UTF8.GetBytes(uploadName)]))[..32] + Path.GetExtension(uploadName);

    private static List<string> Thumbnails(string html) => [.. Regex.Matches(html, "data:image/[a-z]+;base64,[A-Za-z0-9+/=]+").Select(m => m.Value)];

    private static byte[] SwappedZip(string original)
    {
        using var output = new MemoryStream();
        using (var source = ZipFile.OpenRead(original))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var stream = target.CreateEntry(entry.FullName).Open();
                stream.Write(RandomPng());
            }
        }
        return output.ToArray();
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
