using PreferenceFunctions.Pipeline.Kernel;
using System.Security.Cryptography;
using System.Text.Json;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Upload;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class DatasetStagerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StageAsync_ZipOrLooseLayout_WritesManifestChunksAndHashes(bool zip)
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 30, zip);

        var staged = await fx.StageAsync("set", options: new DatasetOptions { ChunkSize = 8 });

        Assert.True(staged.Accepted, string.Join("\n", staged.FirstErrors));
        Assert.Equal((30, 60, 60), (staged.MatchupCount, staged.ImageCount, staged.DistinctImageCount));
        Assert.Equal(["flux", "stable_diffusion"], staged.Models);
        Assert.Equal(["run-1/chunks/00000.json", "run-1/chunks/00001.json", "run-1/chunks/00002.json", "run-1/chunks/00003.json"], staged.ChunkBlobNames);
        var store = new ManifestStore(fx.Blobs);
        var manifest = await store.ReadManifestAsync(fx.Runs, staged.ManifestBlobName!);
        Assert.Equal(30, manifest.MatchupCount);
        var chunk = await store.ReadChunkAsync(fx.Runs, staged.ChunkBlobNames[3]);
        Assert.Equal((3, 6, 24), (chunk.Index, chunk.Matchups.Count, chunk.Matchups[0].SortIndex));
        var image = chunk.Matchups[0].Image1;
        Assert.Equal(zip ? ImageSource.Zip : ImageSource.Blob, image.Source);
        Assert.NotNull(image.PackOffset); // small images, loose or zip entries, are packed into the run's copy
        await using var bytes = await new DatasetImageReader(fx.Blobs).OpenAsync(fx.Runs, "run-1/staged", image, CancellationToken.None);
        Assert.Equal(image.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes)));
    }

    [Fact]
    public async Task StageAsync_ImageByteCap_EndsEachChunkBeforeItsImagesPassIt()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 30, zip: false);
        var store = new ManifestStore(fx.Blobs);
        var whole = await store.ReadChunkAsync(fx.Runs, (await fx.StageAsync("set", "run-0")).ChunkBlobNames[0]);
        var cap = whole.Matchups.Take(4).Sum(m => m.Image1.SizeBytes!.Value + m.Image2.SizeBytes!.Value); // about four matchups' images

        var staged = await fx.StageAsync("set", options: new DatasetOptions { ChunkSize = 100, MaxChunkImageBytes = cap });

        Assert.True(staged.Accepted, string.Join("\n", staged.FirstErrors));
        var chunks = await Task.WhenAll(staged.ChunkBlobNames.Select(c => store.ReadChunkAsync(fx.Runs, c)));
        static long Bytes(IEnumerable<ManifestMatchup> matchups) => matchups.Sum(m => m.Image1.SizeBytes!.Value + m.Image2.SizeBytes!.Value);
        Assert.InRange(chunks.Length, 6, 10);
        Assert.Equal(Enumerable.Range(0, 30), chunks.SelectMany(c => c.Matchups).Select(m => m.SortIndex));
        Assert.All(chunks, c => Assert.InRange(Bytes(c.Matchups), 1, cap));
        // Each chunk took as many matchups as fitted: the next chunk's first one would have passed the cap.
        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.True(Bytes(pair.First.Matchups) + Bytes([pair.Second.Matchups[0]]) > cap));
    }

    [Fact]
    public async Task StageAsync_LooseImages_PacksSmallOnesAndCopiesALargeOne()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 20, zip: false);
        var store = new ManifestStore(fx.Blobs);
        var staged = await fx.StageAsync("set", "run-0");
        var large = (await store.ReadChunkAsync(fx.Runs, staged.ChunkBlobNames[0])).Matchups[3].Image2;
        // A valid PNG padded past the pack's limit: inspected from its header, copied on its own.
        var png = await fx.Datasets.GetBlobClient($"set/{large.Path}").DownloadContentAsync();
        var padded = png.Value.Content.ToArray().Concat(new byte[StagedImagePack.MaxImageBytes]).ToArray();
        await fx.Datasets.GetBlobClient($"set/{large.Path}").UploadAsync(BinaryData.FromBytes(padded), overwrite: true);

        staged = await fx.StageAsync("set");

        Assert.True(staged.Accepted, string.Join("\n", staged.FirstErrors));
        var images = (await Task.WhenAll(staged.ChunkBlobNames.Select(c => store.ReadChunkAsync(fx.Runs, c))))
            .SelectMany(c => c.Matchups).SelectMany(m => new[] { m.Image1, m.Image2 }).ToList();
        var copied = Assert.Single(images, i => i.PackOffset is null);
        Assert.Equal((large.Path, (long)padded.Length), (copied.Path, copied.SizeBytes!.Value));
        Assert.Equal(images.Count - 1, images.Select(i => i.PackOffset).Distinct().Count(o => o is not null));
        // One session, as an upload chunk reads: the small images come out of shared windows of the pack.
        await using var session = new DatasetImageReader(fx.Blobs).OpenSession(fx.Runs, "run-1/staged");
        await Parallel.ForEachAsync(images, async (image, ct) =>
        {
            await using var bytes = await session.OpenAsync(image, ct);
            Assert.Equal(image.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes, ct)));
        });
        Assert.True(await fx.Blobs.GetBlobContainerClient(fx.Runs).GetBlobClient($"run-1/staged/{large.Path}").ExistsAsync());
    }

    [Fact]
    public async Task StageAsync_Zip_PacksSmallEntriesInArchiveOrderAndLeavesALargeOneInTheZip()
    {
        await using var fx = await StagingFixture.CreateAsync();
        var local = Directory.CreateTempSubdirectory("zip-pack-");
        try
        {
            Pipeline.Steps.Stage.Generation.DatasetGenerator.Generate(new(local.FullName, 20, 2, Seed: 3, Zip: true));
            var zipPath = Path.Combine(local.FullName, DatasetFiles.Zip);
            string large;
            // One entry padded past the pack's limit: a valid PNG header, read from the staged zip on its own.
            using (var archive = System.IO.Compression.ZipFile.Open(zipPath, System.IO.Compression.ZipArchiveMode.Update))
            {
                var entry = archive.Entries[7];
                large = entry.FullName;
                byte[] png;
                using (var read = entry.Open()) { var copy = new MemoryStream(); read.CopyTo(copy); png = copy.ToArray(); }
                entry.Delete();
                using var write = archive.CreateEntry(large, System.IO.Compression.CompressionLevel.Fastest).Open();
                write.Write(png.Concat(new byte[StagedImagePack.MaxImageBytes]).ToArray());
            }
            await fx.UploadFolderAsync(local.FullName, "set");
        }
        finally
        {
            local.Delete(recursive: true);
        }

        var staged = await fx.StageAsync("set");

        Assert.True(staged.Accepted, string.Join("\n", staged.FirstErrors));
        var store = new ManifestStore(fx.Blobs);
        var images = (await Task.WhenAll(staged.ChunkBlobNames.Select(c => store.ReadChunkAsync(fx.Runs, c))))
            .SelectMany(c => c.Matchups).SelectMany(m => new[] { m.Image1, m.Image2 }).ToList();
        Assert.All(images, i => Assert.Equal(ImageSource.Zip, i.Source));
        var unpacked = Assert.Single(images, i => i.PackOffset is null);
        Assert.True(unpacked.SizeBytes > StagedImagePack.MaxImageBytes);
        // Archive order: the generator wrote the entries in row order, and the moved large entry left no gap.
        var packed = images.Where(i => i.PackOffset is not null).ToList();
        Assert.Equal(packed.OrderBy(i => i.PackOffset).Select(i => i.Path), packed.Select(i => i.Path));
        Assert.Equal(0, packed[0].PackOffset);
        Assert.True(await fx.Blobs.GetBlobContainerClient(fx.Runs).GetBlobClient($"run-1/staged/{StagedImagePack.ZipBlobName}").ExistsAsync());
        // One session, as an upload chunk reads: small entries from windows of the pack, the large one from the staged zip.
        await using var session = new DatasetImageReader(fx.Blobs).OpenSession(fx.Runs, "run-1/staged");
        await Parallel.ForEachAsync(images, async (image, ct) =>
        {
            await using var bytes = await session.OpenAsync(image, ct);
            Assert.Equal(image.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes, ct)));
        });
    }

    [Fact]
    public async Task AddAsync_ImageOfAnotherSizeThanListed_FailsNamingIt()
    {
        var image = new ImageEntry("images/a.png", ImageSource.Blob, 10, "set/images/a.png");
        var pack = new StagedImagePack(new Azure.Storage.Blobs.Specialized.BlockBlobClient(new Uri("http://127.0.0.1:1/account/runs/images.pack")), [image]);

        var error = await Assert.ThrowsAsync<IOException>(() => pack.AddAsync(image, new byte[9], CancellationToken.None));

        Assert.Contains("\"images/a.png\" was replaced while the dataset was being staged (listed 10 bytes, read 9)", error.Message);
    }

    [Fact]
    public async Task StageAsync_AnyDataset_LeavesDatasetContainerUnchanged()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 10, zip: true, orderJson: """{ "sample": 5, "seed": 1 }""");
        await fx.UploadTextAsync("broken/matchups.csv", "prompt,image1,image2\nx,../a.png,b.png\n");
        var before = await fx.DatasetEtagsAsync();

        await fx.StageAsync("set");
        await fx.StageAsync("broken", "run-2");

        Assert.Equal(before, await fx.DatasetEtagsAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StageAsync_Twice_WritesIdenticalBlobs(bool zip)
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 12, zip);

        var pack = fx.Blobs.GetBlobContainerClient(fx.Runs).GetBlobClient("run-1/staged/images.pack");

        var first = await fx.StageAsync("set");
        var texts = await Task.WhenAll(first.ChunkBlobNames.Append(first.ManifestBlobName!).Append(first.ReportBlobName).Select(fx.ReadRunTextAsync));
        var packed = zip ? null : (await pack.DownloadContentAsync()).Value.Content.ToArray();
        var second = await fx.StageAsync("set");
        var again = await Task.WhenAll(second.ChunkBlobNames.Append(second.ManifestBlobName!).Append(second.ReportBlobName).Select(fx.ReadRunTextAsync));

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.Equal(texts, again);
        Assert.Equal(!zip, await pack.ExistsAsync());
        if (!zip) Assert.Equal(packed, (await pack.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task StageAsync_SampleWithSeed_StagesSameMatchupsEachRun()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 200, zip: true, orderJson: """{ "sample": 40, "seed": 11, "criteria": "Which image fits the description better?", "responsesPerMatchup": 15 }""");
        var store = new ManifestStore(fx.Blobs);

        var a = await fx.StageAsync("set", "run-a");
        var b = await fx.StageAsync("set", "run-b");

        Assert.Equal(40, a.MatchupCount);
        var idsA = (await store.ReadChunkAsync(fx.Runs, a.ChunkBlobNames[0])).Matchups.Select(m => m.MatchupId);
        var idsB = (await store.ReadChunkAsync(fx.Runs, b.ChunkBlobNames[0])).Matchups.Select(m => m.MatchupId);
        Assert.Equal(idsA, idsB);
        Assert.Equal((40, 11), (a.Settings.Sample, a.Settings.Seed));
    }

    [Fact]
    public async Task StageAsync_NotAnImage_RejectsWithReportNamingRowAndColumn()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadTextAsync("set/flux/a.png", "%PDF-1.7 not really an image");
        await fx.Datasets.UploadBlobAsync("set/stable_diffusion/b.png", BinaryData.FromBytes(PreferenceFunctions.Pipeline.Steps.Stage.Generation.DatasetGenerator.Image("sd", 1, 1)));
        await fx.UploadTextAsync("set/matchups.csv", "prompt,image1,image2\na fox,flux/a.png,stable_diffusion/b.png\n");

        var staged = await fx.StageAsync("set");

        Assert.False(staged.Accepted);
        Assert.Null(staged.ManifestBlobName);
        Assert.Equal("matchups.csv row 2, column image1: \"flux/a.png\" is not a PNG, JPEG, WebP or GIF image (it starts with 255044462D312E37)", Assert.Single(staged.FirstErrors));
        var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, staged.ReportBlobName);
        Assert.Equal((2, "image1"), (report.Problems[0].Row, report.Problems[0].Column));
        Assert.Contains("REJECTED (1 error)", await fx.ReadRunTextAsync("run-1/validation.txt"));
    }

    [Fact]
    public async Task StageAsync_CsvNotUtf8_RejectsNamingWhereWithoutManifestAndLeavesTheDatasetAsItWas()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.Datasets.UploadBlobAsync("set/flux/a.png", BinaryData.FromBytes(PreferenceFunctions.Pipeline.Steps.Stage.Generation.DatasetGenerator.Image("flux", 1, 0)));
        await fx.Datasets.UploadBlobAsync("set/stable_diffusion/b.png", BinaryData.FromBytes(PreferenceFunctions.Pipeline.Steps.Stage.Generation.DatasetGenerator.Image("sd", 1, 1)));
        var before = "prompt,image1,image2\na fox,flux/a.png,stable_diffusion/b.png\na caf";
        await fx.Datasets.UploadBlobAsync("set/matchups.csv", BinaryData.FromBytes([.. System.Text.Encoding.UTF8.GetBytes(before), 0xE9, .. ",stable_diffusion/b.png,flux/a.png\n"u8]));
        var blobs = await fx.DatasetEtagsAsync();

        var staged = await fx.StageAsync("set");

        Assert.False(staged.Accepted);
        Assert.Null(staged.ManifestBlobName);
        Assert.Empty(staged.ChunkBlobNames);
        Assert.Equal("matchups.csv row 3, column prompt: not valid UTF-8 at line 3, byte offset 66 (bytes E9); save the file as UTF-8 (in Excel: Save As \"CSV UTF-8\") and check the text there",
            Assert.Single(staged.FirstErrors));
        var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, staged.ReportBlobName);
        Assert.Equal((ProblemCodes.NotUtf8, 3, "prompt"), (report.Problems[0].Code, report.Problems[0].Row, report.Problems[0].Column));
        Assert.Contains("REJECTED (1 error)", await fx.ReadRunTextAsync("run-1/validation.txt"));
        Assert.Equal(blobs, await fx.DatasetEtagsAsync());
    }

    [Fact]
    public async Task StageAsync_OrderJsonNotUtf8_RejectsNamingWhereAndLeavesTheDatasetAsItWas()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.Datasets.UploadBlobAsync("set/flux/a.png", BinaryData.FromBytes(PreferenceFunctions.Pipeline.Steps.Stage.Generation.DatasetGenerator.Image("flux", 1, 0)));
        await fx.Datasets.UploadBlobAsync("set/stable_diffusion/b.png", BinaryData.FromBytes(PreferenceFunctions.Pipeline.Steps.Stage.Generation.DatasetGenerator.Image("sd", 1, 1)));
        await fx.Datasets.UploadBlobAsync("set/matchups.csv", BinaryData.FromString("prompt,image1,image2\na fox,flux/a.png,stable_diffusion/b.png\n"));
        await fx.Datasets.UploadBlobAsync("set/order.json", BinaryData.FromBytes([.. "{ \"criteria\": \"Which caf"u8, 0xE9, .. " fits?\" }"u8]));
        var blobs = await fx.DatasetEtagsAsync();

        var staged = await fx.StageAsync("set");

        Assert.False(staged.Accepted);
        Assert.Null(staged.ManifestBlobName);
        Assert.Equal("order.json: not valid UTF-8 at line 1, byte offset 24 (bytes E9); save the file as UTF-8", Assert.Single(staged.FirstErrors));
        Assert.Equal(blobs, await fx.DatasetEtagsAsync());
    }

    [Fact]
    public async Task StageAsync_MissingCsvOrContainer_RejectsWithMissingFile()
    {
        await using var fx = await StagingFixture.CreateAsync();

        var staged = await fx.StageAsync("nothing-here");

        Assert.False(staged.Accepted);
        Assert.StartsWith($"matchups.csv not found in {fx.Datasets.Name}/nothing-here", staged.FirstErrors[0]);
    }

    [Fact]
    public async Task StageAsync_ZipWithTopFolderAndBrokenZip_ResolvesOrReports()
    {
        await using var fx = await StagingFixture.CreateAsync();
        using (var buffer = new MemoryStream())
        {
            using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, side) in new[] { ("flux/flux_0_0.png", 0), ("stable_diffusion/stable_diffusion_0_1.png", 1) })
                {
                    await using var entry = await zip.CreateEntry($"export/{name}").OpenAsync();
                    await entry.WriteAsync(PreferenceFunctions.Pipeline.Steps.Stage.Generation.DatasetGenerator.Image("m", 0, side));
                }
            }
            await fx.Datasets.UploadBlobAsync("good/images.zip", new BinaryData(buffer.ToArray()));
        }
        await fx.UploadTextAsync("good/matchups.csv", "prompt,image1,image2\na fox,flux/flux_0_0.png,stable_diffusion/stable_diffusion_0_1.png\n");
        await fx.UploadTextAsync("bad/images.zip", "this is not a zip");
        await fx.UploadTextAsync("bad/matchups.csv", "prompt,image1,image2\na fox,flux/flux_0_0.png,stable_diffusion/stable_diffusion_0_1.png\n");

        var good = await fx.StageAsync("good");
        var bad = await fx.StageAsync("bad", "run-2");

        Assert.True(good.Accepted, string.Join("\n", good.FirstErrors));
        Assert.False(bad.Accepted);
        Assert.StartsWith("images.zip is not a readable zip archive", bad.FirstErrors[0]);
    }

    [Fact]
    public async Task StageAsync_DisconnectedModels_WarnsAndStillAccepts()
    {
        await using var fx = await StagingFixture.CreateAsync();
        foreach (var name in new[] { "a/1.png", "b/1.png", "c/1.png", "d/1.png" })
            await fx.Datasets.UploadBlobAsync($"set/{name}", BinaryData.FromBytes(PreferenceFunctions.Pipeline.Steps.Stage.Generation.DatasetGenerator.Image(name, 0, 0)));
        await fx.UploadTextAsync("set/matchups.csv", "prompt,image1,image2\np,a/1.png,b/1.png\nq,c/1.png,d/1.png\n");

        var staged = await fx.StageAsync("set");

        Assert.True(staged.Accepted);
        var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, staged.ReportBlobName);
        Assert.Equal(2, report.ModelGroups.Count);
        Assert.Contains(report.Problems, p => p.Code == ProblemCodes.DisconnectedModels && p.Message.Contains("(a, b | c, d)"));
    }

    [Fact]
    public async Task StageAsync_100000Rows_StagesEveryMatchupInChunks()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("big", matchups: 100_000, zip: true, models: 5);

        var staged = await fx.StageAsync("big", defaults: new PreferenceOptions { MaxVotesPerRun = 1_500_000 }); // 100,000 x 15 votes

        Assert.True(staged.Accepted, string.Join("\n", staged.FirstErrors));
        // Small images: the default 1,000 matchups a chunk, far under its image byte cap.
        Assert.Equal((100_000, 200_000, 100), (staged.MatchupCount, staged.DistinctImageCount, staged.ChunkBlobNames.Count));
        var last = await new ManifestStore(fx.Blobs).ReadChunkAsync(fx.Runs, staged.ChunkBlobNames[^1]);
        Assert.Equal(99_999, last.Matchups[^1].SortIndex);
    }
}
