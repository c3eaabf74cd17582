using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// What Azurite alone needs for the storage requests of a run of N matchups with loose images (<c>azurite-floor</c>), no
/// pipeline, no durable engine, no emulator: every image blob read once (what staging cannot avoid, 16 in flight); the new
/// images saved to the <see cref="MediaAssetLog"/> the way upload chunks save them (an append of 500 records per chunk of
/// 250 matchups, 4 at once); and a rerun's lookups of the same images from a fresh process (500 per chunk, 4 at once).
/// If the reads alone take longer than a goal, no pipeline on Azurite can meet it. One run of each, with Azurite's CPU
/// next to the wall time.
/// </summary>
public static class AzuriteFloorBenchmark
{
    private const int BlobReadsInFlight = 16; // LooseStagingBenchmark's and BlobImageContentSource's
    private const int ChunksInFlight = 4; // Preference:UploadConcurrency
    private const int ImagesPerChunk = 500; // 250 matchups of two new images each

    public static async Task RunAsync(int matchups)
    {
        var connection = await Azurite.GetConnectionStringAsync();
        var azurite = AzuriteCpu.ForConnectionString(connection);
        var storage = StorageConnection.FromConnectionString(connection);
        var datasets = storage.Blobs.GetBlobContainerClient(UniqueName.For("benchfloor"));
        var local = Path.Combine(Path.GetTempPath(), UniqueName.For("benchset"));
        var apiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)); // a log of its own in the shared container
        try
        {
            DatasetGenerator.Generate(new GenerateDatasetRequest(local, matchups, Models: 2, Seed: 1, Zip: false));
            var images = Directory.EnumerateFiles(Path.Combine(local, "images"), "*", SearchOption.AllDirectories).ToList();
            await datasets.CreateAsync();
            await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (file, ct) =>
                await datasets.GetBlobClient(Path.GetFileName(file)).UploadAsync(file, ct));
            Console.WriteLine($"azurite-floor: {matchups:N0} matchups, {images.Count:N0} loose images ({new FileInfo(images[0]).Length:N0} bytes each or so) " +
                $"on a private Azurite; load average {Load.Average()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

            var assets = images.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))
                .Select(h => new MediaAsset(h, $"{h[..16]}_image.png", $"{h[..16]}.png", 275)).ToList();
            var chunks = assets.Chunk(ImagesPerChunk).ToList();

            // Warm up (JIT, connections) on a few reads, so the figures are Azurite's, not our start.
            await ReadAsync(datasets, images.Take(200).ToList());

            var reads = await Measure(azurite, images.Count, () => ReadAsync(datasets, images));
            Console.WriteLine($"  staging's reads, every image blob once ({BlobReadsInFlight} in flight): {reads}");
            var writer = new MediaAssetLog(storage);
            var saves = await Measure(azurite, chunks.Count, () => Parallel.ForEachAsync(chunks, Options(ChunksInFlight), async (chunk, ct) =>
                await writer.AppendAsync(apiKey, chunk, ct)));
            Console.WriteLine($"  the new images saved to the media asset log, an append per chunk of {ImagesPerChunk} (appends counted): {saves}");
            var reader = new MediaAssetLog(storage);
            var finds = await Measure(azurite, chunks.Count, () => Parallel.ForEachAsync(chunks, Options(ChunksInFlight), async (chunk, ct) =>
            {
                var found = await reader.FindAsync(apiKey, chunk.Select(a => a.Sha256!).ToList(), ct);
                if (found.Count != chunk.Length) throw new InvalidOperationException($"Found {found.Count} of a chunk's {chunk.Length} saved images.");
            }));
            Console.WriteLine($"  a rerun's lookups from a fresh process, all hits (chunks counted): {finds}");
            Console.WriteLine($"  floor of a run of {matchups:N0} matchups with loose images on Azurite (every image read once): {reads.Wall:0.0} s wall, " +
                $"{reads.AzuriteCpu:0.0} s of Azurite's CPU");
        }
        finally
        {
            await datasets.DeleteIfExistsAsync();
            await foreach (var blob in storage.Blobs.GetBlobContainerClient(MediaAssetLog.ContainerName).GetBlobsAsync(new GetBlobsOptions { Prefix = apiKey + "/" }))
                await storage.Blobs.GetBlobContainerClient(MediaAssetLog.ContainerName).DeleteBlobAsync(blob.Name);
            if (Directory.Exists(local)) Directory.Delete(local, recursive: true);
        }
    }

    private static Task ReadAsync(BlobContainerClient datasets, List<string> images) =>
        Parallel.ForEachAsync(images, Options(BlobReadsInFlight), async (file, ct) =>
            SHA256.HashData((await datasets.GetBlobClient(Path.GetFileName(file)).DownloadContentAsync(ct)).Value.Content.ToMemory().Span));

    private static ParallelOptions Options(int inFlight) => new() { MaxDegreeOfParallelism = inFlight };

    private static async Task<Measurement> Measure(AzuriteCpu azurite, int requests, Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        var (cpu, azuriteCpu, wall) = (process.TotalProcessorTime, azurite.Seconds(), Stopwatch.StartNew());
        await work();
        process.Refresh();
        return new Measurement(requests, wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, azurite.Seconds() - azuriteCpu);
    }

    private sealed record Measurement(int Requests, double Wall, double Cpu, double AzuriteCpu)
    {
        public override string ToString() =>
            $"{Requests:N0} requests in {Wall:0.0} s wall ({Requests / Wall:N0}/s), CPU {Cpu:0.0} s ours + {AzuriteCpu:0.0} s Azurite ({AzuriteCpu * 1000 / Requests:0.00} ms a request)";
    }
}
